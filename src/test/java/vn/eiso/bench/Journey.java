package vn.eiso.bench;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a quality officer does in an ordinary working hour, as the load benchmark repeats it: open the register and
 * a document, search, open a nonconformity, enter an objective's measurement. Each step is one message to the
 * server, as a browser sends it.
 */
record Journey(List<Long> documents, List<Long> nonconformities) {

    static final String MEASURED = "Đã lưu kết quả đo";
    static final List<String> QUERIES = List.of("quy trình kiểm soát tài liệu", "ly lich tu phap",
            "đánh giá nội bộ", "khieu nai", "QT-05", "hồ sơ quá hạn", "rui ro", "chứng thực bản sao",
            "xem xet cua lanh dao", "hành động khắc phục");

    @FunctionalInterface
    interface Steps {
        void step(String kind, Interaction interaction) throws Exception;
    }

    @FunctionalInterface
    interface Interaction {
        Object run() throws Exception;
    }

    void walk(VaadinClient client, Steps steps) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        steps.step("open the register", () -> client.navigate("documents"));
        steps.step("open a document", () -> client.navigate("document/" + pick(documents)));
        steps.step("open the search page", () -> client.navigate("search"));
        steps.step("type a query", () -> client.type("search-query", QUERIES.get(random.nextInt(QUERIES.size()))));
        steps.step("search", () -> client.click("search-submit"));
        steps.step("open a nonconformity", () -> client.navigate("nonconformity/" + pick(nonconformities)));
        steps.step("open the objectives", () -> client.navigate("objectives"));
        steps.step("open the measurement dialog", () -> {
            List<String> buttons = client.elementIds("objective-measure-");
            if (buttons.isEmpty()) {
                throw new IllegalStateException("no objective to measure");
            }
            return client.click(buttons.get(random.nextInt(buttons.size())));
        });
        steps.step("type a value", () -> client.type("measure-value", String.valueOf(90 + random.nextInt(10))));
        steps.step("save a measurement", () -> {
            String answer = client.click("measure-save");
            if (!answer.contains(MEASURED)) {
                throw new IllegalStateException("the measurement was not confirmed");
            }
            return answer;
        });
    }

    private static long pick(List<Long> ids) {
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }
}
