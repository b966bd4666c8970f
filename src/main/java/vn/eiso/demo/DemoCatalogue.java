package vn.eiso.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;
import vn.eiso.catalogue.TthcCatalogue;

/**
 * The province's TTHC catalogue as the science department imported it from the portal's export: 140 procedures
 * of the provincial departments and the communes. The justice department's and Tân Phú's documents cite a few of
 * them, so their coverage shows what is left to write.
 */
@Component
class DemoCatalogue {

    static final String FILE = "danh-muc-tthc-hoa-an.csv";

    private final TthcCatalogue catalogue;
    private final DemoPeople people;

    DemoCatalogue(TthcCatalogue catalogue, DemoPeople people) {
        this.catalogue = catalogue;
        this.people = people;
    }

    void load() {
        byte[] file;
        try (InputStream in = DemoCatalogue.class.getResourceAsStream("/demo/tthc.csv")) {
            file = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        people.acting(() -> {
            people.signIn("sokhcn");
            catalogue.apply(FILE, file, 0);
        });
    }
}
