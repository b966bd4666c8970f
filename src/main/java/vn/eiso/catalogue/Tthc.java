package vn.eiso.catalogue;

/**
 * A procedure of the catalogue as its latest version has it: the short code (1.001612) a unit's documents cite,
 * the portal's full code when the export gave one, and whether the province still runs it.
 */
public record Tthc(long id, String code, String fullCode, String name, String field, TthcLevel level, String agency,
        String decidingAct, boolean abolished, int version) {
}
