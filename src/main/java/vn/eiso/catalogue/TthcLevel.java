package vn.eiso.catalogue;

import java.util.Optional;
import vn.eiso.base.TextFolding;

/** Where a procedure is carried out after the 2025 reform: by a provincial body or by a commune. */
public enum TthcLevel {
    PROVINCIAL,
    COMMUNE;

    /** The level as the portal's export writes it ("Cấp tỉnh", "Cấp xã"), or as eISO does. */
    static Optional<TthcLevel> parse(String text) {
        String folded = TextFolding.fold(text == null ? "" : text).trim();
        return switch (folded) {
            case "cap tinh", "tinh", "provincial", "province" -> Optional.of(PROVINCIAL);
            case "cap xa", "xa", "commune" -> Optional.of(COMMUNE);
            default -> Optional.empty();
        };
    }
}
