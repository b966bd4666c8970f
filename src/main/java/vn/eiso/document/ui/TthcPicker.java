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

    TthcPicker(TthcCatalogue catalogue, UnitId unit) {
        this.catalogue = catalogue;
        setId("document-tthc");
        setLabel(getTranslation("document.tthc"));
        Set<Long> handled = catalogue.handledBy(unit);
        catalogue.entries().stream().filter(t -> !t.abolished())
                .sorted(Comparator.comparing((Tthc t) -> !handled.contains(t.id())).thenComparing(Tthc::code))
                .forEach(t -> lines.put(t.code(), t.code() + " · " + t.name()));
        boolean typed = lines.isEmpty();
        setHelperText(getTranslation(typed ? "document.tthc.typed" : "document.tthc.help"));
        setAllowCustomValue(typed);
        addCustomValueSetListener(e -> {
            Set<String> chosen = new LinkedHashSet<>(getValue());
            TthcCode.listed(e.getDetail()).forEach(code -> {
                lines.putIfAbsent(code, code);
                chosen.add(code);
            });
            offer(chosen);
        });
        // The chip holds the code alone: names run to a hundred characters, the list below shows them.
        setItemLabelGenerator(code -> code);
        setRenderer(new TextRenderer<>(lines::get));
        offer(Set.of());
    }

    /** Shows the codes an entry cites, those the catalogue no longer offers marked as to be corrected. */
    void cite(String field) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String written : TthcCode.listed(field)) {
            String code = TthcCode.shortCode(written).orElse(written);
            lines.computeIfAbsent(code, c -> catalogue.byCode(c)
                    .map(t -> getTranslation("document.tthc.abolished", t.code(), t.name()))
                    .orElseGet(() -> getTranslation("document.tthc.unlisted", c)));
            chosen.add(code);
        }
        offer(chosen);
    }

    /** The field as the register stores it. */
    String codes() {
        return String.join(", ", getValue());
    }

    private void offer(Set<String> chosen) {
        setItems((code, typed) -> TextFolding.fold(lines.get(code)).contains(TextFolding.fold(typed)),
                lines.keySet());
        setValue(chosen);
    }
}
