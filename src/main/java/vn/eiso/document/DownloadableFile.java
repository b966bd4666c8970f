package vn.eiso.document;

/**
 * A file ready to be sent, with the name it is downloaded under. An outdated revision's file carries the mark in
 * its name, and {@code outdatedStatus} tells the viewer to say so.
 */
public record DownloadableFile(String fileName, String contentType, byte[] content, RevisionStatus outdatedStatus) {
}
