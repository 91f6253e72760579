package org.webwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.triage.PaymentRow;
import org.webwatch.store.triage.TriageRepository;
import org.webwatch.store.triage.TriageResultImporter;
import org.webwatch.store.triage.TriageRun;

/**
 * End to end through the CLI: two forum accounts each post one address of the first
 * person-to-person Bitcoin payment (block 170: 10 BTC from the block-9 coinbase key to Hal
 * Finney's key); `triage --chain` over the real blocks finds the payment between the two
 * accounts, writes payments.csv and wallets.csv, feeds it into the risk model, and the store
 * shows it in the payer's and the payee's dossiers.
 */
class TriageChainTest {
  private static final Path SHARED = Path.of(System.getProperty("webwatch.shared"));
  static final String SATOSHI = "12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S";
  static final String HAL = "1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3";
  static final String TXID = "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16";

  @Test
  void block170PaymentLinksTwoForumAccounts(@TempDir Path dir) throws Exception {
    Path cap = Files.createDirectories(dir.resolve("capture"));
    Files.writeString(cap.resolve("capture.json"), "{\"format\":\"webwatch-capture\",\"version\":1,\"id\":\"chain-test\"}");
    Files.writeString(cap.resolve("sites.jsonl"), "{\"id\":\"s1\",\"name\":\"Board\"}\n");
    Files.writeString(cap.resolve("accounts.jsonl"),
        "{\"id\":1,\"site\":\"s1\",\"username\":\"seller\"}\n{\"id\":2,\"site\":\"s1\",\"username\":\"buyer\"}\n");
    Files.writeString(cap.resolve("posts.jsonl"),
        "{\"id\":10,\"site\":\"s1\",\"thread\":1,\"author\":1,\"created_at\":\"2009-01-10T00:00:00Z\","
            + "\"text\":\"my wallet for the room is " + SATOSHI + "\"}\n"
            + "{\"id\":11,\"site\":\"s1\",\"thread\":1,\"author\":2,\"created_at\":\"2009-01-11T00:00:00Z\","
            + "\"text\":\"send to " + HAL + " please\"}\n");
    Path out = dir.resolve("out");
    StringWriter sw = new StringWriter();
    int rc = WebwatchCli.commandLine().setOut(new PrintWriter(sw)).execute("triage", "--capture", cap.toString(), "--chain",
        SHARED.resolve("testdata/crypto/blocks/first-100k-blocks.dat").toString(), "--out", out.toString());
    assertThat(rc).as(sw.toString()).isEqualTo(WebwatchCli.EXIT_OK);

    List<String> payments = Files.readAllLines(out.resolve("payments.csv"));
    assertThat(payments.get(0)).isEqualTo("from_site,from_account,to_site,to_account,txid,time,amount_sat,evidence");
    assertThat(payments).anySatisfy(l -> assertThat(l).startsWith("s1,1,s1,2," + TXID + ",").contains(",1000000000,"));
    assertThat(Files.readString(out.resolve("wallets.csv"))).contains(SATOSHI, HAL);
    assertThat(Files.readString(out.resolve("accounts.csv"))).contains("payments");

    try (WebwatchStore store = WebwatchStore.open(dir.resolve("data"))) {
      TriageRun run = new TriageResultImporter(store).importRun(out);
      List<PaymentRow> paid = new TriageRepository(store).payments(run.id(), "s1", "2");
      assertThat(paid).extracting(PaymentRow::txid).contains(TXID);
      assertThat(paid.get(0).btc()).isEqualTo("10.00000000");
      assertThat(new TriageRepository(store).payments(run.id(), "s1", "1")).isEqualTo(paid);
    }
  }
}
