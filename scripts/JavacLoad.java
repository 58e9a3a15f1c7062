import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A real multi-threaded workload for a large recording: javac compiling a source tree again and
 * again on several threads until the time is up. Usage: java JavacLoad.java SECONDS THREADS SOURCE_DIR.
 */
public class JavacLoad {
    public static void main(String[] args) throws Exception {
        long deadline = System.nanoTime() + Long.parseLong(args[0]) * 1_000_000_000L;
        int threads = Integer.parseInt(args[1]);
        List<File> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(args[2]))) {
            files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java"))
                    .forEach(p -> sources.add(p.toFile()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    Path out = Files.createTempDirectory("javacload-");
                    while (System.nanoTime() < deadline) {
                        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
                            javac.getTask(null, files, null, List.of("-d", out.toString(), "-proc:none", "-g"), null,
                                    files.getJavaFileObjectsFromFiles(sources)).call();
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, "javac-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
