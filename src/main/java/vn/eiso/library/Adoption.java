package vn.eiso.library;

import java.time.OffsetDateTime;
import vn.eiso.base.UnitId;
import vn.eiso.document.DocumentId;

/** A unit's document that started as a model: which model, which of its revisions, and where it lives now. */
public record Adoption(long id, long modelId, String modelCode, int modelRevision, DocumentId documentId,
        String documentCode, UnitId unitId, String unitName, int adoptedRevision, OffsetDateTime adoptedAt,
        boolean draft) {

    /** The same adoption without the document's code and id, for readers outside the unit while it is a draft. */
    public Adoption withoutDraft() {
        return new Adoption(id, modelId, modelCode, modelRevision, null, null, unitId, unitName, adoptedRevision,
                adoptedAt, true);
    }

    /** The model was revised after the unit adopted it. */
    public boolean isBehind() {
        return modelRevision > adoptedRevision;
    }
}
