package vn.eiso.document;

/** Kinds of documented information a unit controls; the code prefix is the usual one in Vietnamese QMS. */
public enum DocumentType {
    QUALITY_POLICY("CS"),
    QUALITY_OBJECTIVES("MT"),
    MANUAL("STCL"),
    PROCEDURE("QT"),
    WORK_INSTRUCTION("HD"),
    FORM("BM"),
    RECORD_TEMPLATE("HS"),
    EXTERNAL("TL");

    private final String codePrefix;

    DocumentType(String codePrefix) {
        this.codePrefix = codePrefix;
    }

    public String codePrefix() {
        return codePrefix;
    }
}
