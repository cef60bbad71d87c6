package in.picode.kretanote.retention.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deletes media files under the media folder ({@code kretanote.media.dir}): a file by the path
 * stored in {@code media.file_path} (relative to the folder), and a tenant's whole sub-folder
 * ({@code <folder>/<tenant id>}). A path that would leave the folder is refused, so a bad row
 * cannot make the purge delete anything else.
 */
public final class MediaFolder {

  private final Path root;

  public MediaFolder(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The file a stored path names, or an exception when it would lie outside the folder. */
  public Path resolve(String stored) {
    Path p = root.resolve(stored).normalize();
    if (!p.startsWith(root) || p.equals(root)) {
      throw new IllegalArgumentException("Media path outside the media folder: " + stored);
    }
    return p;
  }

  public Path tenantFolder(long tenantId) {
    return root.resolve(Long.toString(tenantId));
  }

  /** Deletes the files; returns how many existed and were deleted. */
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
