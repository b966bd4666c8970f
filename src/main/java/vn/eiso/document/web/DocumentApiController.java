package vn.eiso.document.web;

import java.io.IOException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.eiso.document.DocumentImport;
import vn.eiso.organisation.UnitService;

/** The bulk import over HTTP (HTTP Basic), under the same rules as the screen. */
@RestController
class DocumentApiController {

    private final DocumentImport documentImport;
    private final UnitService units;

    DocumentApiController(DocumentImport documentImport, UnitService units) {
        this.documentImport = documentImport;
        this.units = units;
    }

    @PostMapping("/api/v1/units/{unitCode}/documents/import")
    DocumentImport.Report importZip(@PathVariable String unitCode, @RequestParam("file") MultipartFile file)
            throws IOException {
        return documentImport.importZip(units.byCode(unitCode).id(), file.getBytes());
    }
}
