package vn.eiso.base;

/** Someone else saved the same record since it was read: the caller must reload instead of overwriting. */
public class ConcurrentEditException extends DomainException {

    public ConcurrentEditException() {
        super("error.concurrentEdit");
    }
}
