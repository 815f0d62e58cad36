package dev.studybot.slack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * A real nginx (the machine's, e.g. Debian's nginx-light) in front of replicas on loopback, run with the recipe's own
 * {@code config/replicas/nginx.conf}: its upstream's server line is repeated for each replica's port, and it listens on
 * a free loopback port instead of 80. Everything else (timeouts, retries) is the file's.
 */
final class NginxBalancer implements AutoCloseable {

    static final Path RECIPE = Path.of("..", "config", "replicas", "nginx.conf");
    private static final Pattern UPSTREAM_SERVER = Pattern.compile("(?m)^(\\s*)server studybot:3000( [^;]*)?;");

    private final Process process;
    private final int port;

    private NginxBalancer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static NginxBalancer start(String nginx, List<Integer> replicaPorts, Path dir) throws IOException {
        int port = freePort();
        String recipe = Files.readString(RECIPE);
        Matcher server = UPSTREAM_SERVER.matcher(recipe);
        if (!server.find()) {
            throw new IllegalStateException(RECIPE + " has no \"server studybot:3000\" line in its upstream");
        }
        String indent = server.group(1);
        String parameters = server.group(2) == null ? "" : server.group(2);
        String servers = replicaPorts.stream().map(p -> indent + "server 127.0.0.1:" + p + parameters + ";")
                .collect(Collectors.joining("\n"));
        String site = server.replaceFirst(Matcher.quoteReplacement(servers))
                .replace("listen 80;", "listen 127.0.0.1:" + port + ";");
        Files.writeString(dir.resolve("site.conf"), site);
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    include %1$s/site.conf;
                }
                """.formatted(dir.toAbsolutePath()));
        Process process = new ProcessBuilder(nginx, "-p", dir.toAbsolutePath().toString(), "-c",
                dir.resolve("nginx.conf").toAbsolutePath().toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile()).start();
        NginxBalancer balancer = new NginxBalancer(process, port);
        Awaitility.await("nginx listening").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("nginx exited: " + Files.readString(dir.resolve("nginx.out")));
                    }
                    return listening(port);
                });
        return balancer;
    }

    int port() {
        return port;
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
