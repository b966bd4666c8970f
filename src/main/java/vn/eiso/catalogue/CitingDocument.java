package vn.eiso.catalogue;

/** A document in force that cites a TTHC code, by its register id and code (to open it and correct the code). */
public record CitingDocument(long documentId, String code) {
}
