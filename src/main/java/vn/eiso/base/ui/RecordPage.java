package vn.eiso.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import vn.eiso.base.NextStep;

/**
 * The page of one record (a document, a nonconformity, an audit, a management review): back link, title, facts,
 * the status line (what happens next and who does it), the action bar near the top, then the record's own content
 * in tabs or sections. A feature supplies only its parts in {@link #compose}; {@link #render} draws the page again
 * after every action, keeping the user on the tab they were in.
 * <p>
 * Components kept in fields across renders (grids, fields under test) must get their listeners once, in the
 * constructor, never in {@code compose}: compose runs on every render.
 */
public abstract class RecordPage extends VerticalLayout {

    public static final String CLASS = "record-page";
    private TabSheet tabs;
    private String landOn;
    private Span statusLine;

    protected RecordPage() {
        addClassName(CLASS);
    }

    /** Reloads the record from its service and fills the page's parts. */
    protected abstract void compose(Parts page);

    /** Draws the page again from what the services say now. */
    public final void render() {
        String tab = landOn != null ? landOn : selectedTab();
        landOn = null;
        removeAll();
        Parts parts = new Parts();
        compose(parts);
        Div header = new Div();
        header.addClassName("record-header");
        if (parts.back != null) {
            header.add(parts.back);
        }
        if (parts.title != null) {
            H2 title = new H2(parts.title);
            title.addClassName("record-title");
            header.add(title);
        }
        if (parts.facts.getComponentCount() > 0) {
            header.add(parts.facts);
        }
        statusLine = null;
        if (parts.status != null) {
            statusLine = new Span(parts.status);
            statusLine.addClassName("record-status");
            statusLine.setId("record-status");
            header.add(statusLine);
        }
        parts.banners.forEach(header::add);
        if (!parts.actions.isEmpty()) {
            header.add(parts.actions);
        }
        add(header);
        parts.before.forEach(this::add);
        tabs = null;
        if (!parts.tabs.isEmpty()) {
            tabs = new TabSheet();
            tabs.setWidthFull();
            Map<Tab, Runnable> unbuilt = new HashMap<>();
            parts.tabs.forEach((key, t) -> {
                Div holder = new Div();
                holder.setWidthFull();
                Tab added = tabs.add(t.label, holder);
                added.setId("tab-" + key);
                unbuilt.put(added, () -> holder.add(t.content.get()));
            });
            tabs.addSelectedChangeListener(e -> build(unbuilt, e.getSelectedTab()));
            add(tabs);
            if (tab != null) {
                selectTab(tab);
            }
            build(unbuilt, tabs.getSelectedTab());
        }
        parts.sections.forEach(this::add);
    }

    private static void build(Map<Tab, Runnable> unbuilt, Tab selected) {
        Runnable fill = unbuilt.remove(selected);
        if (fill != null) {
            fill.run();
        }
    }

    /** The next render opens this tab (where the user's work now is), instead of the one they were in. */
    protected void landOn(String tabKey) {
        landOn = tabKey;
    }

    /** The key of the tab on screen, or null when the page has none. */
    public String selectedTab() {
        if (tabs == null || tabs.getSelectedTab() == null) {
            return null;
        }
        return tabs.getSelectedTab().getId().map(id -> id.substring("tab-".length())).orElse(null);
    }

    public void selectTab(String key) {
        if (tabs == null) {
            return;
        }
        for (int i = 0; i < tabs.getTabCount(); i++) {
            Tab t = tabs.getTabAt(i);
            if (t.getId().filter(("tab-" + key)::equals).isPresent()) {
                tabs.setSelectedIndex(i);
                return;
            }
        }
    }

    /** The status line as shown, or null. */
    public String statusText() {
        return statusLine == null ? null : statusLine.getText();
    }

    /** A status line or reason in the user's language; dates as offices write them. */
    protected String say(NextStep step) {
        return getTranslation(step.messageKey(), step.args().stream().map(a -> a instanceof LocalDate d
                ? Formats.date(d) : a).toArray());
    }

    /** The parts of a record page, filled by the feature on every render. */
    public final class Parts {
        private Anchor back;
        private String title;
        private final Div facts = new Div();
        private String status;
        private final List<Component> banners = new java.util.ArrayList<>();
        private final ActionBar actions = new ActionBar();
        private final List<Component> before = new java.util.ArrayList<>();
        private final Map<String, NamedTab> tabs = new LinkedHashMap<>();
        private final List<Component> sections = new java.util.ArrayList<>();

        Parts() {
            facts.addClassName("record-facts");
        }

        public Parts back(String route, String label) {
            back = new Anchor(route, "← " + label);
            return this;
        }

        public Parts title(String text) {
            title = text;
            return this;
        }

        /** "Label: value" under the title (a dash when there is no value). */
        public Parts fact(String labelKey, String value) {
            facts.add(Badges.fact(getTranslation(labelKey), value));
            return this;
        }

        /** A badge or link among the facts. */
        public Parts facts(Component... components) {
            facts.add(components);
            return this;
        }

        /** What happens next and who does it. */
        public Parts status(NextStep step) {
            status = step == null ? null : say(step);
            return this;
        }

        public Parts status(String text) {
            status = text;
            return this;
        }

        /** A red banner that cannot be missed (outdated, flagged for review). */
        public Parts banner(String text) {
            Div banner = new Div(new Span(text));
            banner.addClassName("outdated-banner");
            banners.add(banner);
            return this;
        }

        public ActionBar actions() {
            return actions;
        }

        /** Content between the header and the tabs (a description). */
        public Parts lead(Component... components) {
            before.addAll(Arrays.asList(components));
            return this;
        }

        /** A tab whose content is built now, for content whose fields the page's actions read. */
        public Parts tab(String key, String labelKey, Component content) {
            return lazyTab(key, labelKey, () -> content);
        }

        /**
         * A tab built only when the user first opens it. Most visits look at one tab; building the others' grids and
         * queries on every render was the largest part of opening a document under load (ADR 0028).
         */
        public Parts lazyTab(String key, String labelKey, Supplier<Component> content) {
            tabs.put(key, new NamedTab(getTranslation(labelKey), content));
            return this;
        }

        public Parts section(Component... components) {
            sections.addAll(Arrays.asList(components));
            return this;
        }
    }

    private record NamedTab(String label, Supplier<Component> content) {
    }
}
