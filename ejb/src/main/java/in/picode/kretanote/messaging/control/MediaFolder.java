package in.picode.kretanote.messaging.control;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Where encrypted media files live: {@code <root>/<tenant id>/<media row id>.media}, so that a
 * tenant's files can be found (and purged) together and a row always maps to one name. Files are
 * written to a temporary file in the same folder and moved into place in one atomic rename, so a
 * reader or a crash never sees half a file. The database stores the path relative to the root, so
 * the folder can move (and be restored from a backup) without rewriting rows. The privacy workflows
 * delete files through it too: by stored path, or a tenant's whole folder.
 */
public final class MediaFolder {

  private final Path root;

  public MediaFolder(Path root) {
    this.root = Objects.requireNonNull(root).toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  public static String relativePath(long tenantId, long mediaRowId) {
    return tenantId + "/" + mediaRowId + ".media";
  }

  /** A stored relative path as a file under the root; refuses anything that would leave it. */
  public Path resolve(String relative) {
    if (relative == null || !relative.matches("[0-9]{1,19}/[0-9]{1,19}\\.media")) {
      throw new IllegalArgumentException("Not a media path");
    }
    return root.resolve(relative).normalize();
  }

  /** A new empty temporary file in the tenant's folder (created, owner-only where possible). */
  public Path temporary(long tenantId) throws IOException {
    Path dir = root.resolve(Long.toString(tenantId));
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      }
    }
    return Files.createTempFile(dir, ".download-", ".tmp");
  }

  /** Moves a complete temporary file to its final name in one step, replacing an older copy. */
  public void commit(Path temporary, String relative) throws IOException {
    Path target = resolve(relative);
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the media folder does not support atomic renames", e);
    }
  }

  public Path tenantFolder(long tenantId) {
    return root.resolve(Long.toString(tenantId));
  }

  /** Deletes the files by their stored paths; returns how many existed and were deleted. */
  public int delete(List<String> stored) throws IOException {
    int deleted = 0;
    for (String s : stored) {
      if (Files.deleteIfExists(resolve(s))) {
        deleted++;
      }
    }
    return deleted;
  }

  /** Deletes the tenant's folder and everything in it; returns how many files it held. */
  public int deleteTenantFolder(long tenantId) throws IOException {
    Path dir = tenantFolder(tenantId);
    if (!Files.exists(dir)) {
      return 0;
    }
    List<Path> all;
    try (Stream<Path> walk = Files.walk(dir)) {
      all = walk.sorted(Comparator.reverseOrder()).toList();
    }
    int files = 0;
    for (Path p : all) {
      if (Files.isRegularFile(p)) {
        files++;
      }
      Files.deleteIfExists(p);
    }
    return files;
  }
}
