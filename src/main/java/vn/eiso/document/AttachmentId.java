package vn.eiso.document;

/** Identity of an attachment. */
public record AttachmentId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
