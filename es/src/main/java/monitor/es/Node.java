package monitor.es;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.plugins.PluginsLoader;

import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts one real Elasticsearch node in this JVM (the way a "cluster runner" does) for
 * development and CI: the server's own {@link org.elasticsearch.node.Node} with the modules
 * found in {@code <home>/modules} loaded by Elasticsearch's own plugin loader.
 *
 * <p>It skips the distribution's launcher (server-cli), which refuses to run as root, installs a
 * security manager and needs a writable distribution directory. Not for production.
 *
 * <pre>
 * java --module-path HOME/lib --add-modules ALL-MODULE-PATH -cp monitor-es-node.jar monitor.es.Node \
 *      --home HOME --base DIR [--port 9200] [--pidfile FILE]
 * </pre>
 *
 * Data, logs, config and tmp live under {@code --base}. With {@code --port 0} a free port is
 * chosen. Once HTTP is bound, the port is written to {@code <base>/es.port}. SIGTERM closes the
 * node cleanly (shutdown hook).
 */
public final class Node {

    private static final String LOG4J2 = String.join(
        "\n",
        "status = error",
        "appender.console.type = Console",
        "appender.console.name = console",
        "appender.console.layout.type = PatternLayout",
        "appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n",
        "rootLogger.level = info",
        "rootLogger.appenderRef.console.ref = console",
        "logger.deprecation.name = org.elasticsearch.deprecation",
        "logger.deprecation.level = error",
        ""
    );

    private Node() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = parseArgs(argv);
        Path home = Path.of(required(args, "home")).toAbsolutePath().normalize();
        Path base = Path.of(args.getOrDefault("base", ".es")).toAbsolutePath().normalize();
        String port = args.getOrDefault("port", System.getenv().getOrDefault("ES_PORT", "9200"));
        Path pidFile = args.containsKey("pidfile") ? Path.of(args.get("pidfile")).toAbsolutePath() : null;
        Path portFile = base.resolve("es.port");

        Path config = base.resolve("config");
        Path data = base.resolve("data");
        Path logs = base.resolve("logs");
        for (Path p : new Path[] { config, data, logs }) {
            Files.createDirectories(p);
        }
        Files.writeString(config.resolve("log4j2.properties"), LOG4J2, StandardCharsets.UTF_8);
        Files.deleteIfExists(portFile);
        if (pidFile != null) {
            Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()) + "\n");
        }

        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", data.toString())
            .put("path.logs", logs.toString())
            .put("cluster.name", "monitor-dev")
            .put("node.name", "monitor-dev-1")
            .put("network.host", "127.0.0.1")
            .put("http.port", port)
            .put("transport.port", "0")
            .put("discovery.type", "single-node")
            // a nearly full disk must not flip indices to read-only
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            // tests delete indices by wildcard
            .put("action.destructive_requires_name", false)
            .build();

        Environment env = new Environment(settings, config);
        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName("monitor-dev-1");
        LogConfigurator.configure(env, true);

        PluginsLoader plugins = PluginsLoader.createPluginsLoader(
            PluginsLoader.loadModulesBundles(env.modulesDir()),
            PluginsLoader.loadPluginsBundles(env.pluginsDir()),
            Map.of()
        );

        org.elasticsearch.node.Node node = new org.elasticsearch.node.Node(env, plugins);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.prepareForClose();
                node.close();
                if (node.awaitClose(30, TimeUnit.SECONDS) == false) {
                    System.err.println("monitor-es: node did not close within 30s");
                }
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                deleteQuietly(portFile);
                stopped.countDown();
            }
        }, "monitor-es-shutdown"));

        try {
            node.start();
        } catch (Exception e) {
            if (hasCause(e, BindException.class)) {
                System.err.println("monitor-es: cannot bind 127.0.0.1:" + port + " (port busy?): " + e.getMessage());
            } else {
                e.printStackTrace();
            }
            Runtime.getRuntime().halt(1);
        }

        int bound = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
        Path tmp = base.resolve("es.port.tmp");
        Files.writeString(tmp, bound + "\n");
        Files.move(tmp, portFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println("monitor-es: started, http://127.0.0.1:" + bound);
        System.out.flush();

        // Node threads are non-daemon; keep main alive anyway until the shutdown hook ran.
        stopped.await();
    }

    private static Map<String, String> parseArgs(String[] argv) {
        Map<String, String> out = new java.util.HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (a.startsWith("--") && i + 1 < argv.length) {
                out.put(a.substring(2), argv[++i]);
            } else {
                throw new IllegalArgumentException("usage: --home DIR [--base DIR] [--port N] [--pidfile FILE]; bad argument: " + a);
            }
        }
        return out;
    }

    private static String required(Map<String, String> args, String key) {
        String v = args.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + key);
        }
        return v;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
