package dev.moviedb.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlossTest {

  @Test
  void inflectedDutchWords_findTheirBaseFormInTheGlossary() {
    Glossary g = Glossary.standard();

    assertThat(DutchWords.english("spannende", g)).contains("suspenseful thrilling");
    assertThat(DutchWords.english("grappiger", g)).contains("funny");
    assertThat(DutchWords.english("donkere", g)).contains("dark");
    assertThat(DutchWords.english("hondje", g)).contains("dog");
    assertThat(DutchWords.english("regenachtige", g)).contains("rainy");
    assertThat(DutchWords.english("qwerty", g)).isEmpty();
  }

  @Test
  void aDutchQuery_reachesTheModelInEnglish_andUnknownWordsAsTyped() {
    Understood u =
        new RequestReader(Glossary.standard(), 2021, null, true)
            .read("een grappige film over een hond en Sinterklaas");

    assertThat(u.query()).isEqualTo("funny about dog sinterklaas christmas");
  }

  /** A two-entry dictionary in dictd format, as Debian's dict-freedict-nld-eng ships it. */
  @Test
  void freeDict_readsTheFirstSenseOfAnEntry(@TempDir Path dir) throws IOException {
    String somber = "somber /sɔmbər/\n1. bleak, dismal, dreary\n2. dark\n";
    String regen = "regen /reɤ°ən/\nrain\n";
    byte[] a = somber.getBytes(StandardCharsets.UTF_8);
    byte[] b = regen.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(raw)) {
      gz.write(a);
      gz.write(b);
    }
    Files.write(dir.resolve("freedict-nld-eng.dict.dz"), raw.toByteArray());
    Files.writeString(
        dir.resolve("freedict-nld-eng.index"),
        "regen\t" + b64(a.length) + "\t" + b64(b.length) + "\nsomber\tA\t" + b64(a.length) + "\n",
        StandardCharsets.UTF_8);

    FreeDict dict = FreeDict.open(dir).orElseThrow();

    assertThat(dict.english("somber")).contains("bleak dismal");
    assertThat(dict.english("regen")).contains("rain");
    assertThat(Glossary.standard().orElse(dict).english("somber")).contains("gloomy bleak");
    assertThat(FreeDict.open(dir.resolve("absent"))).isEmpty();
  }

  private static String b64(int n) {
    String digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    StringBuilder sb = new StringBuilder();
    do {
      sb.insert(0, digits.charAt(n % 64));
      n /= 64;
    } while (n > 0);
    return sb.toString();
  }
}
