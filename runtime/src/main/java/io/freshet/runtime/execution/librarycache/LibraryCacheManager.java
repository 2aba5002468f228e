package io.freshet.runtime.execution.librarycache;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.freshet.api.common.JobID;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.CoreOptions;
import io.freshet.runtime.blob.BlobCache;
import io.freshet.runtime.execution.librarycache.UserCodeClassLoaders.ResolveOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user-code class loaders of the jobs running on one TaskExecutor: one class loader per job, built from the
 * job's jar URLs when its first task resolves it, shared by all tasks of the job, and closed when the last
 * {@link ClassLoaderLease} of the job is released.
 *
 * <h2>Laws</h2>
 * <ul>
 *   <li>Reference counting: every task holds one lease from {@link #registerClassLoaderLease} until it ends; the
 *       job's class loader lives exactly while some lease of the job is unreleased. Releasing a lease twice is
 *       harmless.</li>
 *   <li>All leases of a job resolve the same jars; a lease asking for other jars fails (two deployments of one job
 *       disagree about its jars, which is a bug of the sender).</li>
 *   <li>Thread-safe: leases are registered on the TaskExecutor's main thread and resolved in task threads.</li>
 * </ul>
 *
 * <p>Jars come as {@code file:} URLs the TaskExecutor can read (the MiniCluster, shared file systems) or as
 * {@link io.freshet.runtime.blob.BlobServer} URLs, which the {@link BlobCache} downloads (once per job, verified
 * against their SHA-256) before the class loader is built; the job's downloads are removed with its class loader.
 */
public final class LibraryCacheManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryCacheManager.class);

    private final ResolveOrder resolveOrder;
    private final String[] alwaysParentFirstPatterns;
    private final ClassLoader parent;
    private final BlobCache blobCache;

    private final Object lock = new Object();
    private final Map<JobID, JobClassLoader> classLoaders = new HashMap<>();
    private boolean closed;

    public LibraryCacheManager(ResolveOrder resolveOrder, String[] alwaysParentFirstPatterns, ClassLoader parent) {
        this(resolveOrder, alwaysParentFirstPatterns, parent, BlobCache.fromConfiguration(new Configuration()));
    }

    /** @param blobCache downloads the jars given as BlobServer URLs; closed with this manager */
    public LibraryCacheManager(ResolveOrder resolveOrder, String[] alwaysParentFirstPatterns, ClassLoader parent,
            BlobCache blobCache) {
        this.resolveOrder = Objects.requireNonNull(resolveOrder, "resolveOrder");
        this.alwaysParentFirstPatterns = alwaysParentFirstPatterns.clone();
        this.parent = Objects.requireNonNull(parent, "parent");
        this.blobCache = Objects.requireNonNull(blobCache, "blobCache");
    }

    /** From {@code classloader.resolve-order} and the parent-first patterns, over this class's class loader. */
    public static LibraryCacheManager fromConfiguration(Configuration configuration) {
        return new LibraryCacheManager(
                ResolveOrder.fromString(configuration.get(CoreOptions.CLASSLOADER_RESOLVE_ORDER)),
                UserCodeClassLoaders.parentFirstPatterns(configuration),
                LibraryCacheManager.class.getClassLoader(), BlobCache.fromConfiguration(configuration));
    }

    public ResolveOrder getResolveOrder() {
        return resolveOrder;
    }

    /** Takes a reference on the class loader of {@code jobId}; the class loader itself is built on first resolve. */
    public ClassLoaderLease registerClassLoaderLease(JobID jobId) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("The library cache manager is closed.");
            }
            classLoaders.computeIfAbsent(jobId, JobClassLoader::new).references++;
            return new ClassLoaderLease(jobId);
        }
    }

    /** The number of jobs that currently hold a class loader reference. */
    public int getNumberOfReferencedJobs() {
        synchronized (lock) {
            return classLoaders.size();
        }
    }

    /** Closes every class loader, leased or not. */
    @Override
    public void close() {
        List<JobClassLoader> toClose;
        synchronized (lock) {
            closed = true;
            toClose = new ArrayList<>(classLoaders.values());
            classLoaders.clear();
        }
        for (JobClassLoader jobClassLoader : toClose) {
            jobClassLoader.closeLoader();
        }
        blobCache.close();
    }

    private void release(JobID jobId) {
        JobClassLoader toClose = null;
        synchronized (lock) {
            JobClassLoader entry = classLoaders.get(jobId);
            if (entry == null) {
                return;
            }
            if (--entry.references == 0) {
                classLoaders.remove(jobId);
                toClose = entry;
            }
        }
        if (toClose != null) {
            LOG.debug("Closing the user-code class loader of job {}: its last task ended.", jobId);
            toClose.closeLoader();
            blobCache.releaseJob(jobId);
        }
    }

    private URLClassLoader resolve(JobID jobId, List<String> jarUrls) throws IOException {
        // downloads happen before taking the lock: other jobs' tasks need not wait for them
        List<URL> localJars = new ArrayList<>();
        for (String jar : jarUrls) {
            localJars.add(BlobCache.isBlobUrl(jar) ? blobCache.getFile(jobId, jar).toUri().toURL() : toUrl(jobId, jar));
        }
        synchronized (lock) {
            JobClassLoader entry = classLoaders.get(jobId);
            if (entry == null) {
                throw new IllegalStateException("The class loader lease of job " + jobId + " was released.");
            }
            if (entry.loader == null) {
                entry.jarUrls = List.copyOf(jarUrls);
                entry.loader = UserCodeClassLoaders.create(resolveOrder, localJars.toArray(new URL[0]), parent,
                        alwaysParentFirstPatterns);
                LOG.debug("Created the {} class loader of job {} with jars {}.", resolveOrder, jobId, jarUrls);
            } else if (!entry.jarUrls.equals(jarUrls)) {
                throw new IllegalStateException("Job " + jobId + " already has a class loader with the jars "
                        + entry.jarUrls + ", but a task of it asks for " + jarUrls + ".");
            }
            return entry.loader;
        }
    }

    private static URL toUrl(JobID jobId, String jarUrl) throws IOException {
        try {
            return new URL(jarUrl);
        } catch (MalformedURLException e) {
            throw new IOException("The jar URL '" + jarUrl + "' of job " + jobId + " is malformed.", e);
        }
    }

    /** One job's class loader and its reference count; guarded by {@link #lock}. */
    private static final class JobClassLoader {
        final JobID jobId;
        int references;
        List<String> jarUrls;
        URLClassLoader loader;

        JobClassLoader(JobID jobId) {
            this.jobId = jobId;
        }

        void closeLoader() {
            if (loader == null) {
                return;
            }
            try {
                loader.close();
            } catch (IOException e) {
                LOG.warn("Could not close the user-code class loader of job {}.", jobId, e);
            }
        }
    }

    /** A task's reference on its job's class loader; {@link #release()} it when the task ends. */
    public final class ClassLoaderLease {

        private final JobID jobId;
        private boolean released;

        private ClassLoaderLease(JobID jobId) {
            this.jobId = jobId;
        }

        /**
         * The job's class loader over {@code jarUrls}, created on the first call of any lease of the job.
         *
         * @throws IOException if a URL is malformed
         */
        public ClassLoader getOrResolveClassLoader(List<String> jarUrls) throws IOException {
            return resolve(jobId, jarUrls);
        }

        public ResolveOrder getResolveOrder() {
            return resolveOrder;
        }

        /** Gives the reference back; the last one of the job closes its class loader. Idempotent. */
        public void release() {
            synchronized (this) {
                if (released) {
                    return;
                }
                released = true;
            }
            LibraryCacheManager.this.release(jobId);
        }
    }
}
