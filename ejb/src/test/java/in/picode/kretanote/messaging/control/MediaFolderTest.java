package in.picode.kretanote.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaFolderTest {

  @TempDir Path root;

  @Test
  void aTemporaryFileBecomesTheRowsFileInOneStep() throws Exception {
    MediaFolder folder = new MediaFolder(root);
    Path tmp = folder.temporary(7);
    Files.writeString(tmp, "first");
    folder.commit(tmp, MediaFolder.relativePath(7, 42));
    assertThat(root.resolve("7/42.media")).hasContent("first");
    assertThat(tmp).doesNotExist();

    Path again = folder.temporary(7);
    Files.writeString(again, "second");
    folder.commit(again, MediaFolder.relativePath(7, 42));
    assertThat(root.resolve("7/42.media")).hasContent("second");
    try (var files = Files.list(root.resolve("7"))) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void storedPathsCannotLeaveTheFolder() {
    MediaFolder folder = new MediaFolder(root);
    assertThat(folder.resolve("7/42.media")).isEqualTo(root.resolve("7/42.media"));
    for (String bad : new String[] {"../7/42.media", "/etc/passwd", "7/../../x.media", "", null}) {
      assertThatThrownBy(() -> folder.resolve(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
