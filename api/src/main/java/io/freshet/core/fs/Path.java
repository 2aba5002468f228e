package io.freshet.core.fs;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A file or directory name on some file system: {@code /tmp/in}, {@code file:///tmp/in} or
 * {@code hdfs://namenode:8020/data/in}. Without a scheme it is a local path.
 */
public final class Path implements Serializable, Comparable<Path> {

    private static final long serialVersionUID = 1L;

    private final URI uri;

    public Path(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("A path must not be empty.");
        }
        this.uri = toUri(path);
    }

    public Path(URI uri) {
        this.uri = uri.normalize();
    }

    public Path(Path parent, String child) {
        String base = parent.uri.getPath();
        String joined = base.endsWith("/") ? base + child : base + "/" + child;
        try {
            this.uri = new URI(parent.uri.getScheme(), parent.uri.getAuthority(), joined, null, null).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot append '" + child + "' to " + parent + ": " + e.getMessage(), e);
        }
    }

    private static URI toUri(String path) {
        int colon = path.indexOf(':');
        int slash = path.indexOf('/');
        boolean hasScheme = colon > 0 && (slash < 0 || colon < slash);
        try {
            if (hasScheme) {
                return new URI(path).normalize();
            }
            return new URI(null, null, path, null, null).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + path + "' is not a valid path: " + e.getMessage(), e);
        }
    }

    public URI toUri() {
        return uri;
    }

    /** The last name of the path. */
    public String getName() {
        String path = uri.getPath();
        int end = path.endsWith("/") && path.length() > 1 ? path.length() - 1 : path.length();
        return path.substring(path.lastIndexOf('/', end - 1) + 1, end);
    }

    /** The path without its last name, or null at the root. */
    public Path getParent() {
        String path = uri.getPath();
        int slash = path.lastIndexOf('/', path.endsWith("/") ? path.length() - 2 : path.length() - 1);
        if (slash < 0 || path.equals("/")) {
            return null;
        }
        try {
            return new Path(new URI(uri.getScheme(), uri.getAuthority(), slash == 0 ? "/" : path.substring(0, slash),
                    null, null));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path part, without scheme and authority. */
    public String getPath() {
        return uri.getPath();
    }

    public FileSystem getFileSystem() throws IOException {
        return FileSystem.get(uri);
    }

    @Override
    public int compareTo(Path other) {
        return uri.compareTo(other.uri);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Path && ((Path) o).uri.equals(uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
