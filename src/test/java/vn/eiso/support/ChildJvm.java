package vn.eiso.support;

import java.io.File;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a benchmark needs to start the application in a JVM of its own. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * The application's classes and their runtime libraries, as this JVM loaded them (exec:java's class loader, or
     * the class path Surefire hands a test), without the test classes: a test configuration must not join the
     * application.
     */
    public static String classpath() throws Exception {
        List<String> entries = new ArrayList<>();
        String surefire = System.getProperty("surefire.test.class.path");
        if (ChildJvm.class.getClassLoader() instanceof URLClassLoader loader) {
            for (var url : loader.getURLs()) {
                entries.add(Path.of(url.toURI()).toString());
            }
        } else {
            entries.addAll(List.of((surefire != null ? surefire : System.getProperty("java.class.path"))
                    .split(File.pathSeparator)));
        }
        entries.removeIf(e -> e.isBlank() || Path.of(e).getFileName().toString().equals("test-classes"));
        return String.join(File.pathSeparator, entries);
    }

    public static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }
}
