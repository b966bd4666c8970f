package vn.eiso.document.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.data.renderer.TextRenderer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import vn.eiso.base.TextFolding;
import vn.eiso.base.UnitId;
import vn.eiso.catalogue.Tthc;
import vn.eiso.catalogue.TthcCatalogue;
import vn.eiso.catalogue.TthcCode;

/**
 * The TTHC a register entry cites, chosen from the province's catalogue: the unit's own procedures first, found by
 * code or by name typed with or without diacritics. A code the entry already cites that the catalogue lacks or
 * has abolished stays chosen, marked, until the officer removes it. Before a catalogue is imported, codes are typed.
 */
class TthcPicker extends MultiSelectComboBox<String> {

    private final TthcCatalogue catalogue;
    /** Each offered code with the line the list shows for it. */
    private final Map<String, String> lines = new LinkedHashMap<>();
    /** Codes the entry cites that the catalogue does not offer: marked on their chip until removed. */
    private final Set<String> toCorrect = new LinkedHashSet<>();
    /** No catalogue imported yet: codes are typed, not chosen. */
    private final boolean typed;

    TthcPicker(TthcCatalogue catalogue, UnitId unit) {
        this.catalogue = catalogue;
        setId("document-tthc");
        setLabel(getTranslation("document.tthc"));
        Set<Long> handled = catalogue.handledBy(unit);
        catalogue.entries().stream().filter(t -> !t.abolished())
                .sorted(Comparator.comparing((Tthc t) -> !handled.contains(t.id())).thenComparing(Tthc::code))
                .forEach(t -> lines.put(t.code(), t.code() + " · " + t.name()));
        typed = lines.isEmpty();
        setHelperText(getTranslation(typed ? "document.tthc.typed" : "document.tthc.help"));
        if (typed) { // the listener alone lets the field take typed values
            addCustomValueSetListener(e -> {
                Set<String> chosen = new LinkedHashSet<>(getValue());
                TthcCode.listed(e.getDetail()).forEach(code -> {
                    lines.putIfAbsent(code, code);
                    chosen.add(code);
                });
                offer(chosen);
            });
        }
        // The chip holds the code alone: names run to a hundred characters, the list below shows them.
        setItemLabelGenerator(code -> toCorrect.contains(code) ? "⚠ " + code : code);
        setSelectedItemsOnTop(true);
        setRenderer(new TextRenderer<>(lines::get));
        offer(Set.of());
    }

    /** Shows the codes an entry cites, those the catalogue no longer offers marked as to be corrected. */
    void cite(String field) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String written : TthcCode.listed(field)) {
            String code = TthcCode.shortCode(written).orElse(written);
            if (typed) {
                lines.putIfAbsent(code, code);
            } else if (!lines.containsKey(code)) {
                toCorrect.add(code);
                lines.put(code, catalogue.byCode(code)
                        .map(t -> getTranslation("document.tthc.abolished", t.code(), t.name()))
                        .orElseGet(() -> getTranslation("document.tthc.unlisted", code)));
            }
            chosen.add(code);
        }
        if (!toCorrect.isEmpty()) {
            setHelperText(getTranslation("document.tthc.toCorrect", String.join(", ", toCorrect)));
        }
        offer(chosen);
    }

    /** The field as the register stores it. */
    String codes() {
        return String.join(", ", getValue());
    }

    private void offer(Set<String> chosen) {
        setItems((code, filter) -> TextFolding.fold(lines.get(code)).contains(TextFolding.fold(filter)),
                lines.keySet());
        setValue(chosen);
    }
}
