package vn.eiso.audit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.document.DocumentId;
import vn.eiso.document.DocumentRegister;

/**
 * ISO 9001 9.2.2 c: auditors are objective and impartial. Nobody audits a procedure they own or approved, and by
 * default ({@code eiso.audit.own-unit-auditors=false}) nobody audits the unit they belong to; the science
 * department's pool supplies auditors from elsewhere.
 */
@Component
class Impartiality {

    private final JooqAuditorRepository auditors;
    private final DocumentRegister documents;
    private final boolean ownUnitAllowed;

    Impartiality(JooqAuditorRepository auditors, DocumentRegister documents,
            @Value("${eiso.audit.own-unit-auditors:false}") boolean ownUnitAllowed) {
        this.auditors = auditors;
        this.documents = documents;
        this.ownUnitAllowed = ownUnitAllowed;
    }

    /** Refuses, with the reason, the first auditor who may not audit this unit and these procedures. */
    void check(UnitId unit, String unitName, Collection<UserId> team, Map<DocumentId, String> procedures) {
        Map<String, Set<UserId>> responsible = new LinkedHashMap<>();
        procedures.forEach((document, code) -> responsible.put(code, documents.ownerAndApprovers(document)));
        for (UserId auditor : team) {
            String name = auditors.nameOf(auditor);
            if (!auditors.isEligible(auditor)) {
                throw new DomainException("error.audit.notAuditor", name);
            }
            if (!ownUnitAllowed && auditors.unitsOf(auditor).contains(unit)) {
                throw new DomainException("error.audit.impartial.ownUnit", name, unitName);
            }
            responsible.forEach((code, people) -> {
                if (people.contains(auditor)) {
                    throw new DomainException("error.audit.impartial.ownWork", name, code);
                }
            });
        }
    }
}
