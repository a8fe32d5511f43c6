package org.recworkbench.ui.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the export pop-up says: rows counted from the CSV written, header excluded, quoted line breaks kept. */
class ExportNotificationsTest {

    @TempDir
    Path folder;

    @Test
    void aCsvsRowsAreItsRecordsAfterTheHeader() throws Exception {
        Path csv = Files.writeString(folder.resolve("list.csv"),
                "user_id,rank,item_id\r\nu1,1,\"an item\nover two lines\"\r\nu1,2,i7\r\nu2,1,i3");

        ExportNotifications.Written written = ExportNotifications.Written.of(csv);

        assertThat(written.rows()).isEqualTo(3);
        assertThat(written.text()).isEqualTo("Wrote 3 rows to " + csv);
    }

    @Test
    void largeCountsAreGroupedAndAPictureHasNoRows() throws Exception {
        assertThat(new ExportNotifications.Written(Path.of("out", "recommendations.csv"), 9430).text())
                .isEqualTo("Wrote 9,430 rows to " + Path.of("out", "recommendations.csv"));
        Path png = Files.write(folder.resolve("heatmap.png"), new byte[] {1, 2, 3});
        assertThat(ExportNotifications.Written.of(png).text()).isEqualTo("Wrote " + png);
        Path header = Files.writeString(folder.resolve("empty.csv"), "a,b\n");
        assertThat(ExportNotifications.Written.of(header).rows()).isZero();
    }
}
