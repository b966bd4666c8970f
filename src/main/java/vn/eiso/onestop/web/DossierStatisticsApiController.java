package vn.eiso.onestop.web;

import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.eiso.base.Texts;
import vn.eiso.onestop.DossierStatistics;
import vn.eiso.organisation.UnitService;

/**
 * The one-stop software pushes a unit's monthly dossier figures (a token with the import scope, JSON): the same
 * checks as a file import, all items or none, and a repeated push of the same month replaces it.
 */
@RestController
class DossierStatisticsApiController {

    private final DossierStatistics statistics;
    private final UnitService units;

    DossierStatisticsApiController(DossierStatistics statistics, UnitService units) {
        this.statistics = statistics;
        this.units = units;
    }

    /** What was stored; or, for a push with bad items, each of them (1-based) and why, in the asked language. */
    record PushResponse(int items, int stored, List<ItemError> errors) {
    }

    record ItemError(int item, String error, List<Object> args, String message) {
    }

    @PostMapping("/api/v1/units/{unitCode}/dossier-statistics")
    ResponseEntity<PushResponse> push(@PathVariable String unitCode, @RequestBody List<DossierStatistics.Item> items,
            Locale locale) {
        DossierStatistics.Result result = statistics.push(units.byCode(unitCode).id(), items);
        Texts texts = Texts.of(locale.getLanguage());
        List<ItemError> errors = result.errors().stream().map(e -> new ItemError(e.line(), e.messageKey(), e.args(),
                texts.get(e.messageKey(), e.args().toArray()))).toList();
        return ResponseEntity.status(errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new PushResponse(result.lines(), result.stored(), errors));
    }
}
