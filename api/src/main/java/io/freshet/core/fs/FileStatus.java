package io.freshet.core.fs;

/** What a file system knows of a file or directory. */
public interface FileStatus {

    long getLen();

    long getModificationTime();

    boolean isDir();

    Path getPath();
}
