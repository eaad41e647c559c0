package com.paystream.recon.statements.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.paystream.recon.statements.Fixtures;
import com.paystream.recon.statements.MalformedStatementException;
import com.paystream.recon.statements.ParsedStatementFile;
import com.paystream.recon.statements.StatementFormat;
import com.paystream.recon.statements.ingestion.StatementParsers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Every parser, fed a valid file of its format mutated at random (cut short, lines duplicated or
 * dropped, signs and directions flipped, junk bytes, another encoding), answers only with a parsed
 * statement or a {@link MalformedStatementException} — never another exception, which would be a
 * 500 instead of a 422 naming the fault.
 */
class StatementParsersPropertyTest {

  private record Sample(String fixture, StatementFormat format) {}

  private static final List<Sample> VALID =
      List.of(
          new Sample("mt940-commerzbank-2025-03-14.sta", StatementFormat.MT940),
          new Sample("mt940-bare-2025-03-14.txt", StatementFormat.MT940),
          new Sample("mt940-bank-preamble-crlf-2025-03-14.sta", StatementFormat.MT940),
          new Sample("mt940-940-preamble-structured-86-2025-03-14.sta", StatementFormat.MT940),
          new Sample("mt940-fin-blocks-3-and-5-2025-03-14.sta", StatementFormat.MT940),
          new Sample("camt053-v02-nordic-2025-03-14.xml", StatementFormat.CAMT053),
          new Sample("camt053-v08-acme-2025-03-14.xml", StatementFormat.CAMT053),
          new Sample("camt053-v13-dkb-2025-03-14.xml", StatementFormat.CAMT053),
          new Sample("camt052-v08-dkb-intraday-2025-03-14T1400.xml", StatementFormat.CAMT052),
          new Sample("bai2-acmebank-2025-03-14.bai", StatementFormat.BAI2),
          new Sample("provider-simulator-2025-03-14.csv", StatementFormat.PROVIDER_CSV));

  private static final int EXAMPLES = 300;

  private final StatementParsers parsers = new StatementParsers();

  @Test
  void everyFixtureIsValidToBeginWith() {
    for (Sample sample : VALID) {
      ParsedStatementFile file =
          parsers.parserFor(sample.format()).parse(Fixtures.bytes(sample.fixture()));

      assertThat(file.lines()).as(sample.fixture()).isNotEmpty();
    }
  }

  @Test
  void aFileCutShortIsParsedOrRefused() {
    check("truncate", (bytes, random) -> Arrays.copyOf(bytes, random.nextInt(bytes.length)));
  }

  @Test
  void aDuplicatedOrDroppedLineIsParsedOrRefused() {
    check(
        "duplicate or drop a line",
        (bytes, random) -> {
          List<String> lines = lines(bytes);
          int i = random.nextInt(lines.size());
          if (random.nextBoolean()) {
            lines.add(i, lines.get(i));
          } else {
            lines.remove(i);
          }
          return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        });
  }

  @Test
  void aDuplicatedFieldInsideALineIsParsedOrRefused() {
    check(
        "duplicate a field",
        (bytes, random) -> {
          List<String> lines = lines(bytes);
          int i = random.nextInt(lines.size());
          String line = lines.get(i);
          int cut = line.isEmpty() ? 0 : random.nextInt(line.length());
          int end = Math.min(line.length(), cut + 1 + random.nextInt(12));
          lines.set(i, line.substring(0, end) + line.substring(cut));
          return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        });
  }

  @Test
  void flippedSignsAndDirectionsAreParsedOrRefused() {
    String[][] flips = {
      {"C", "D"}, {"D", "C"}, {"CRDT", "DBIT"}, {"DBIT", "CRDT"}, {"CREDIT", "DEBIT"},
      {",1", ",4"}, {",4", ",1"}, {">", ">-"}, {",", ",-"}, {":", ":-"}
    };
    check(
        "flip a sign",
        (bytes, random) -> {
          String text = new String(bytes, StandardCharsets.UTF_8);
          String[] flip = flips[random.nextInt(flips.length)];
          int at = text.indexOf(flip[0], random.nextInt(text.length()));
          if (at < 0) {
            at = text.indexOf(flip[0]);
          }
          if (at < 0) {
            return bytes;
          }
          return (text.substring(0, at) + flip[1] + text.substring(at + flip[0].length()))
              .getBytes(StandardCharsets.UTF_8);
        });
  }

  @Test
  void junkBytesAreParsedOrRefused() {
    check(
        "junk bytes",
        (bytes, random) -> {
          byte[] mutated = bytes.clone();
          int count = 1 + random.nextInt(8);
          for (int k = 0; k < count; k++) {
            mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
          }
          if (random.nextBoolean()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = random.nextInt(mutated.length);
            out.write(mutated, 0, at);
            byte[] junk = new byte[1 + random.nextInt(16)];
            random.nextBytes(junk);
            out.writeBytes(junk);
            out.write(mutated, at, mutated.length - at);
            return out.toByteArray();
          }
          return mutated;
        });
  }

  @Test
  void anotherEncodingIsParsedOrRefused() {
    Charset[] charsets = {
      StandardCharsets.UTF_16,
      StandardCharsets.UTF_16LE,
      StandardCharsets.ISO_8859_1,
      Charset.forName("windows-1252"),
      Charset.forName("IBM037")
    };
    check(
        "another encoding",
        (bytes, random) -> {
          String text = new String(bytes, StandardCharsets.UTF_8);
          if (random.nextBoolean()) {
            int at = random.nextInt(text.length());
            text = text.substring(0, at) + "äöüß€" + text.substring(at);
          }
          return text.getBytes(charsets[random.nextInt(charsets.length)]);
        });
  }

  private void check(String mutation, BiFunction<byte[], Random, byte[]> mutate) {
    qt().withExamples(EXAMPLES)
        .forAll(integers().between(0, VALID.size() - 1), longs().all())
        .checkAssert(
            (index, seed) -> {
              Sample sample = VALID.get(index);
              byte[] mutated = mutate.apply(Fixtures.bytes(sample.fixture()), new Random(seed));
              try {
                ParsedStatementFile file = parsers.parserFor(sample.format()).parse(mutated);
                assertThat(file.format()).isEqualTo(sample.format());
              } catch (MalformedStatementException refused) {
                assertThat(refused.format()).isEqualTo(sample.format());
                assertThat(refused.where()).isNotBlank();
              } catch (RuntimeException | StackOverflowError e) {
                fail(
                    "%s of %s (seed %d) threw %s instead of parsing or refusing"
                        .formatted(mutation, sample.fixture(), seed, e),
                    e);
              }
            });
  }

  private static List<String> lines(byte[] bytes) {
    return new ArrayList<>(
        Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
  }
}
