package vn.eiso.nonconformity.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.eiso.base.DomainException;
import vn.eiso.nonconformity.NcReport;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.Nonconformity;
import vn.eiso.nonconformity.NonconformityId;
import vn.eiso.organisation.UnitService;

/**
 * Reporting a nonconformity over HTTP (HTTP Basic or a token), for scripts and other systems (a citizen-feedback
 * portal, a monitoring job): the same quick report as the screen, through the same service and its rules (a
 * member of the unit reports; an inspection only the science department), with photos or scans as Base64.
 */
@RestController
class NonconformityApiController {

    private final Nonconformities nonconformities;
    private final UnitService units;

    NonconformityApiController(Nonconformities nonconformities, UnitService units) {
        this.nonconformities = nonconformities;
        this.units = units;
    }

    record ReportRequest(String source, String description, Long documentId, String clause, List<FileUpload> files) {
    }

    /** A file as its name and its bytes in Base64. */
    record FileUpload(String name, String content) {
    }

    record NcView(long id, String label, String unit, String source, String status, String description,
            String clause, Long documentId, OffsetDateTime reportedAt, List<FileView> files, String url) {
    }

    record FileView(String name, String contentType, long size) {
    }

    @PostMapping("/api/v1/units/{unitCode}/nonconformities")
    ResponseEntity<NcView> report(@PathVariable String unitCode, @RequestBody ReportRequest request) {
        var unit = units.byCode(unitCode).id();
        NonconformityId id = nonconformities.report(new NcReport(unit, source(request.source()), request.description(),
                request.documentId(), blankToNull(request.clause())), files(request.files()));
        return ResponseEntity.created(URI.create("/api/v1/nonconformities/" + id.value())).body(view(id));
    }

    /** The nonconformity, for whoever may read its unit's register. */
    @GetMapping("/api/v1/nonconformities/{id}")
    NcView get(@PathVariable long id) {
        return view(new NonconformityId(id));
    }

    private NcView view(NonconformityId id) {
        Nonconformity nc = nonconformities.get(id);
        return new NcView(id.value(), id.label(), units.get(nc.unitId()).code(), nc.source().name(),
                nc.status().name(), nc.description(), nc.clauseCode(), nc.documentId(), nc.reportedAt(),
                nonconformities.files(id).stream().map(f -> new FileView(f.fileName(), f.contentType(), f.size()))
                        .toList(), "/nonconformity/" + id.value());
    }

    private static Nonconformity.Source source(String name) {
        try {
            return name == null ? null : Nonconformity.Source.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException("error.nc.source");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** In the order given; a name twice, a file without a name or bytes that are not Base64 is refused. */
    private static Map<String, byte[]> files(List<FileUpload> files) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (FileUpload file : files == null ? List.<FileUpload>of() : files) {
            if (file == null || file.name() == null || file.name().isBlank() || file.content() == null) {
                throw new DomainException("error.api.parameter", "files");
            }
            byte[] content;
            try {
                content = Base64.getDecoder().decode(file.content());
            } catch (IllegalArgumentException e) {
                throw new DomainException("error.api.parameter", "files");
            }
            if (out.put(file.name(), content) != null) {
                throw new DomainException("error.api.parameter", "files");
            }
        }
        return out;
    }
}
