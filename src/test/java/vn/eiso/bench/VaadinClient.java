package vn.eiso.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One browser tab as the server sees it: Spring's form sign-in, Vaadin's bootstrap and its UIDL messages (the
 * {@code ui-navigate} event a router link sends, property syncs and clicks), with the security key, the sync and
 * client ids the Flow client keeps. It learns which state node carries which element id from the changes the
 * server sends, so that it can type into and click components by their ids, as a real browser does by position.
 */
final class VaadinClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SPRING_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    /** Flow's feature number of an element's attributes (NodeFeatures.ELEMENT_ATTRIBUTES). */
    private static final int ATTRIBUTES = 3;

    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    private final String base;
    private String springCsrf;
    private String securityKey;
    private int uiId;
    private int syncId;
    private int clientId;
    private final Map<String, Integer> nodeOfElementId = new HashMap<>();
    private final Map<Integer, String> elementIdOfNode = new HashMap<>();

    VaadinClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in with the login form as a browser does and returns the start page; throws when either fails. */
    String signIn(String user, String password) throws IOException, InterruptedException {
        springCsrf = csrfOf(get("/login"));
        String form = "_csrf=" + encode(springCsrf) + "&username=" + encode(user) + "&password=" + encode(password);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("login")) {
            throw new IllegalStateException("sign-in of " + user + " refused: " + response.statusCode() + " "
                    + location);
        }
        springCsrf = csrfOf(get("/"));
        JsonNode config = JSON.readTree(get("/?v-r=init&location=&query=")).path("appConfig");
        uiId = config.path("v-uiId").asInt();
        JsonNode uidl = config.path("uidl");
        securityKey = uidl.path("Vaadin-Security-Key").asString();
        apply(uidl);
        return navigate("");
    }

    /** What a router link does: the server builds the view of {@code route} and sends it. */
    String navigate(String route) throws IOException, InterruptedException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("route", route);
        data.put("query", "");
        data.put("appShellTitle", "");
        data.put("historyState", Map.of("idx", 0));
        data.put("trigger", "client");
        return send(List.of(Map.of("type", "event", "node", 1, "event", "ui-navigate", "data", data)));
    }

    /** Types {@code value} into the field with the element id, as the field's change event reports it. */
    String type(String elementId, String value) throws IOException, InterruptedException {
        int node = node(elementId);
        return send(List.of(
                Map.of("type", "mSync", "node", node, "feature", 1, "property", "value", "value", value),
                Map.of("type", "event", "node", node, "event", "change", "data", Map.of())));
    }

    String click(String elementId) throws IOException, InterruptedException {
        Map<String, Object> data = new LinkedHashMap<>();
        for (String key : List.of("shiftKey", "metaKey", "ctrlKey", "altKey")) {
            data.put("event." + key, false);
        }
        for (String key : List.of("detail", "clientX", "clientY", "button", "screenX", "screenY")) {
            data.put("event." + key, key.equals("detail") ? 1 : 0);
        }
        return send(List.of(Map.of("type", "event", "node", node(elementId), "event", "click", "data", data)));
    }

    /** Element ids now on the screen that start with {@code prefix}. */
    List<String> elementIds(String prefix) {
        return nodeOfElementId.keySet().stream().filter(id -> id.startsWith(prefix)).sorted().toList();
    }

    /** Signs out with Spring's logout, so that the node frees the session at once. */
    void signOut() throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(URI.create(base + "/logout")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(springCsrf))).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** The balancer's name of the node this tab is pinned to, when there is a balancer. */
    Optional<String> node() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("EISO_NODE"))
                .map(HttpCookie::getValue).findFirst();
    }

    private int node(String elementId) {
        Integer node = nodeOfElementId.get(elementId);
        if (node == null) {
            throw new IllegalStateException("no element #" + elementId + " on the screen");
        }
        return node;
    }

    private String send(List<Map<String, Object>> rpc) throws IOException, InterruptedException {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("csrfToken", securityKey);
        message.put("rpc", rpc);
        message.put("syncId", syncId);
        message.put("clientId", clientId);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId="
                + uiId)).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))).build(),
                HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        // Older Flow versions guard their answers against JSON hijacking: "for(;;);[{...}]".
        JsonNode uidl = body.startsWith("for(;;);") ? JSON.readTree(body.substring(8)).path(0) : JSON.readTree(body);
        JsonNode meta = uidl.path("meta");
        if (meta.path("sessionExpired").asBoolean(false) || meta.has("appError")) {
            throw new IllegalStateException("the server ended the UI: " + meta);
        }
        if (uidl.has("clientId")) {
            clientId = uidl.path("clientId").asInt();
        } else {
            clientId++;
        }
        apply(uidl);
        return body;
    }

    private void apply(JsonNode uidl) {
        if (uidl.has("syncId")) {
            syncId = uidl.path("syncId").asInt();
        }
        List<Integer> detached = new ArrayList<>();
        for (JsonNode change : uidl.path("changes")) {
            int node = change.path("node").asInt();
            String type = change.path("type").asString();
            if (type.equals("detach")) {
                detached.add(node);
            } else if (change.path("feat").asInt() == ATTRIBUTES && "id".equals(change.path("key").asString())) {
                if (type.equals("put")) {
                    forget(node);
                    nodeOfElementId.put(change.path("value").asString(), node);
                    elementIdOfNode.put(node, change.path("value").asString());
                } else if (type.equals("remove")) {
                    forget(node);
                }
            }
        }
        detached.forEach(this::forget);
    }

    private void forget(int node) {
        String id = elementIdOfNode.remove(node);
        if (id != null) {
            nodeOfElementId.remove(id, node);
        }
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    private static String csrfOf(String page) {
        Matcher m = SPRING_CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("the page carries no sign-in token");
        }
        return m.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
