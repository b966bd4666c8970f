package vn.eiso.catalogue;

import java.util.List;

/**
 * How much of what a unit handles its QMS covers: the unit's catalogue procedures, those a document in force
 * cites (a procedure or work instruction, by its TTHC codes), those none does, and the codes its documents cite
 * that the catalogue does not know or has abolished, each with the documents to correct.
 */
public record Coverage(int procedures, int covered, List<Tthc> uncovered, List<Correction> unknownCodes,
        List<Correction> abolishedCited) {

    public Coverage {
        uncovered = List.copyOf(uncovered);
        unknownCodes = List.copyOf(unknownCodes);
        abolishedCited = List.copyOf(abolishedCited);
    }

    /** Covered share in percent, 100 for a unit with no catalogue procedure. */
    public int percent() {
        return procedures == 0 ? 100 : (int) Math.floor(100.0 * covered / procedures);
    }

    /** A cited code to correct: the procedure when the catalogue has it (abolished), and who cites it. */
    public record Correction(String code, Tthc tthc, List<CitingDocument> documents) {

        public Correction {
            documents = List.copyOf(documents);
        }
    }
}
