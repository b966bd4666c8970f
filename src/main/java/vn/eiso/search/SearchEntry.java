package vn.eiso.search;

import java.text.Normalizer;
import java.time.LocalDate;
import vn.eiso.base.UnitId;

/**
 * One findable thing as the index holds it: a revision, a record, later an audit finding or a nonconformity.
 *
 * @param key       unique in the index, e.g. {@code revision:42}
 * @param owner     the entity whose change replaces this entry together with its siblings, e.g. {@code document:7}
 * @param history   the key that groups an item's past versions ("search this document's history")
 * @param type      the facet shown to users: a document type or a kind such as {@code RECORD}
 * @param meta      searched like the title but not shown: codes of linked procedures, clauses, issuer
 * @param route     where a hit opens, relative to the application root
 */
public record SearchEntry(String key, String owner, String history, UnitId unit, String unitName,
        Visibility visibility, String type, String status, String code, String title, String meta, String body,
        LocalDate date, Integer revision, String route) {

    public SearchEntry {
        // Text arrives in NFC and NFD alike (see the corpus); what is stored is shown, so it is stored composed.
        title = nfc(title);
        meta = nfc(meta);
        body = nfc(body);
        code = nfc(code);
    }

    static String nfc(String text) {
        return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
