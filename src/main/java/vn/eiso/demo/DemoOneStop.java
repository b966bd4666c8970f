package vn.eiso.demo;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.eiso.base.UnitId;
import vn.eiso.onestop.DossierStatistics;

/**
 * Twelve months of one-stop dossier figures for the justice department and Tân Phú, as the one-stop software
 * pushes them; four months ago the justice department resolved too many criminal-record dossiers late.
 */
@Component
class DemoOneStop {

    private final DossierStatistics statistics;
    private final DemoPeople people;
    private final Clock clock;

    DemoOneStop(DossierStatistics statistics, DemoPeople people, Clock clock) {
        this.statistics = statistics;
        this.people = people;
        this.clock = clock;
    }

    void load(UnitId justice, UnitId commune) {
        people.acting(() -> {
            people.signIn("sokhcn");
            statistics.push(justice, months(List.of("1.001233", "2.001417"), 140, 4));
            statistics.push(commune, months(List.of("2.000815", "1.001193", "2.002204"), 60, -1));
        });
    }

    /** A year of figures per procedure, ending last month; {@code badMonthsAgo} months ago many were late. */
    private List<DossierStatistics.Item> months(List<String> codes, int volume, int badMonthsAgo) {
        List<DossierStatistics.Item> items = new ArrayList<>();
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        for (int ago = 11; ago >= 0; ago--) {
            YearMonth month = last.minusMonths(ago);
            for (int i = 0; i < codes.size(); i++) {
                int received = volume / (i + 1) + (ago * 7 + i * 3) % 11;
                int returned = received / 40;
                int pending = received / 10;
                int resolved = received - returned - pending;
                int late = ago + 1 == badMonthsAgo ? resolved / 5 : (ago + i) % 4 == 0 ? 1 : 0;
                items.add(new DossierStatistics.Item(codes.get(i), month.toString(), received, resolved - late, late,
                        pending, returned));
            }
        }
        return items;
    }
}
