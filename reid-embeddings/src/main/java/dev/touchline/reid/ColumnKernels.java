package dev.touchline.reid;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the gallery's frame kernel once per JVM, the way Lucene chooses its vectorisation provider: the Vector
 * API kernel ({@code VectorColumnKernel}) when the incubating module {@code jdk.incubator.vector} is in the boot
 * layer (the application runs with {@code --add-modules jdk.incubator.vector}) and its preferred float species is
 * at least 128 bits wide, else the portable {@link FmaColumnKernel}. The vector class is loaded only after that
 * check, so the library runs without the module, and this module does not {@code require} it: a
 * {@code requires static} would make every compilation of the module resolve the incubating module and print
 * javac's unconditional "using incubating module(s)" warning, which the build's {@code -Werror} rejects. The read
 * edge is added here at run time instead ({@link Module#addReads}).
 *
 * <p>The system property {@value #PROPERTY}{@code =false} forces the portable kernel (for comparisons).
 */
final class ColumnKernels {
    /** Set to {@code false} to use the portable kernel even when the Vector API is available. */
    static final String PROPERTY = "dev.touchline.reid.vectorKernel";
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_CLASS = "dev.touchline.reid.VectorColumnKernel";

    private static final ColumnKernel ACTIVE;
    private static final String REASON;

    static {
        String reason;
        ColumnKernel chosen = FmaColumnKernel.INSTANCE;
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            reason = PROPERTY + "=false";
        } else {
            Attempt a = loadVector();
            reason = a.reason;
            if (a.kernel != null) {
                chosen = a.kernel;
            }
        }
        ACTIVE = chosen;
        REASON = reason;
    }

    private ColumnKernels() {
    }

    /** The kernel every gallery of this JVM uses. */
    static ColumnKernel active() {
        return ACTIVE;
    }

    /** The active kernel's description and why it was chosen. */
    static String describe() {
        return ACTIVE.description() + " (" + REASON + ")";
    }

    /** The Vector API kernel if it can be used in this JVM (for tests; ignores the system property). */
    static Optional<ColumnKernel> vector() {
        return Optional.ofNullable(loadVector().kernel);
    }

    private static Attempt loadVector() {
        Optional<Module> vectorModule = ModuleLayer.boot().findModule(VECTOR_MODULE);
        if (vectorModule.isEmpty()) {
            return new Attempt(null, VECTOR_MODULE + " is not in the boot layer; run with --add-modules "
                    + VECTOR_MODULE + " to use the Vector API kernel");
        }
        Module self = ColumnKernels.class.getModule();
        if (self.isNamed()) {
            // Caller-sensitive: adds the read edge to this module only, the run-time twin of the compiler's
            // --add-reads for the vector source.
            self.addReads(vectorModule.get());
        }
        try {
            Class<?> c = Class.forName(VECTOR_CLASS);
            ColumnKernel k = (ColumnKernel) c.getDeclaredConstructor().newInstance();
            return new Attempt(k, VECTOR_MODULE + " is in the boot layer");
        } catch (InvocationTargetException e) {
            // The constructor refuses a species too narrow to pay off; its message says which.
            return new Attempt(null, String.valueOf(e.getCause().getMessage()));
        } catch (ReflectiveOperationException | LinkageError e) {
            return new Attempt(null, "the Vector API kernel could not be loaded: " + e);
        }
    }

    private static final class Attempt {
        final @Nullable ColumnKernel kernel;
        final String reason;

        Attempt(@Nullable ColumnKernel kernel, String reason) {
            this.kernel = kernel;
            this.reason = reason;
        }
    }
}
