package org.webwatch.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.generate.GenerateOptions;
import org.webwatch.generate.PopulationGenerator;
import org.webwatch.store.WebwatchStore;

/**
 * Drives headless Debian Chromium through the main workflow. Skipped when /usr/bin/chromium is
 * absent. With -Dwebwatch.screenshots=true it saves screenshots of the main pages to
 * docs/screenshots/ (never during normal runs).
 */
class BrowserEndToEndTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  @TempDir Path dir;

  private static void shot(Page page, String name) {
    if (!Boolean.getBoolean("webwatch.screenshots")) return;
    Path out = Path.of(System.getProperty("webwatch.screenshotDir", "../docs/screenshots")).resolve(name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(out).setFullPage(true));
  }

  private static void login(Page page, String base, String user) {
    page.navigate(base + "/queue");
    assertThat(page.url()).contains("/login");
    page.fill("input[name=username]", user);
    page.fill("input[name=password]", Fixture.password(user));
    page.click("button:has-text('Sign in')");
    page.waitForURL("**/queue");
  }

  @Test
  void investigatorWorkflowAndViewerLimits() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "Debian chromium not installed");
    WebwatchStore store = WebwatchStore.open(dir.resolve("data"));
    var users = Fixture.seed(store, dir);
    try (WebwatchServer server = WebwatchServer.create(store, users, WebwatchServer.defaultOptions(store, false)).start("127.0.0.1", 0);
        Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
            .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync")))) {
      String base = "http://127.0.0.1:" + server.port();
      List<String> cspViolations = new ArrayList<>();

      BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true).setViewportSize(1366, 900));
      Page page = ctx.newPage();
      page.onConsoleMessage(m -> {
        if (m.text().contains("Content Security Policy")) cspViolations.add(page.url() + ": " + m.text() + " at " + m.location());
      });
      page.navigate(base + "/login");
      shot(page, "login");
      login(page, base, "investigator");
      shot(page, "queue");
      assertThat(page.locator("#queue tbody tr").count()).isEqualTo(2);

      // queue → person → account dossier
      page.click("#queue a:has-text('P1')");
      page.waitForURL("**/person/P1");
      assertThat(page.textContent("h1")).contains("Person P1");
      shot(page, "person");
      page.click("table a:has-text('alpha')");
      page.waitForURL("**/account/s1/a1");
      assertThat(page.locator("p.text mark.entry-by-production").first().textContent()).isEqualTo("must upload something they made themselves");
      page.waitForSelector("#network canvas");
      shot(page, "account");

      // search
      page.click("nav a:has-text('Search')");
      page.fill("#q", "look AND kids");
      page.press("#q", "Enter");
      page.waitForURL("**/search?q=*");
      assertThat(page.locator("ol.hits li").count()).isEqualTo(2);
      assertThat(page.locator("p.fragment mark").first().textContent()).isEqualToIgnoringCase("look");
      shot(page, "search");

      // decide: dismiss P2 with a reason
      page.navigate(base + "/person/P2");
      page.selectOption("#decision-kind", "dismissed");
      page.fill("#decision-reason", "already referred by a partner");
      page.click("#decision-submit");
      page.waitForURL("**/person/P2");
      assertThat(page.locator("ul.decisions li").first().textContent()).contains("dismissed").contains("already referred by a partner");

      // export the case of P1
      page.navigate(base + "/person/P1");
      Download download = page.waitForDownload(() -> page.click("#export-json"));
      String exported = Files.readString(download.path());
      assertThat(exported).contains("webwatch-case/1").contains(Fixture.SHA);
      page.navigate(base + "/cases");
      shot(page, "cases");
      assertThat(cspViolations).isEmpty();

      // a viewer sees no decision controls and is refused when posting anyway
      BrowserContext vctx = browser.newContext();
      Page vpage = vctx.newPage();
      login(vpage, base, "viewer");
      vpage.navigate(base + "/person/P1");
      assertThat(vpage.locator("#decision-submit").count()).isZero();
      assertThat(vpage.locator("#export-json").count()).isZero();
      String csrf = vpage.getAttribute("meta[name=csrf-token]", "content");
      var resp = vpage.request().post(base + "/decisions", RequestOptions.create()
          .setForm(FormData.create().set("_csrf", csrf).set("kind", "referred").set("subject", "P1")).setMaxRedirects(0));
      assertThat(resp.status()).isEqualTo(403);

      // an admin sees the audit trail of all this
      BrowserContext actx = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
      Page apage = actx.newPage();
      login(apage, base, "admin");
      apage.navigate(base + "/audit");
      assertThat(apage.textContent("p[role=status]")).contains("intact");
      assertThat(apage.locator("table.audit").textContent()).contains("decision").contains("export").contains("search");
      shot(apage, "audit");

      // the admin imports a small generated capture from the Jobs page and watches it finish (htmx polling, no inline script)
      apage.onConsoleMessage(m -> {
        if (m.text().contains("Content Security Policy")) cspViolations.add(apage.url() + ": " + m.text());
      });
      new PopulationGenerator(1).generate(new GenerateOptions(20, 5L, 6.0, 2, GenerateOptions.OutputFormat.ZIP), dir.resolve("gen"));
      apage.click("nav a:has-text('Jobs')");
      apage.waitForURL("**/jobs");
      apage.setInputFiles("#capture-file", dir.resolve("gen").resolve("capture.zip"));
      apage.click("#capture-submit");
      apage.waitForURL("**/jobs/*");
      apage.waitForSelector("#job-state:text-is('succeeded')", new Page.WaitForSelectorOptions().setTimeout(120_000));
      assertThat(apage.locator("table.summary").textContent()).contains("synthetic-5-20");
      assertThat(apage.locator("ol.errors li").count()).isPositive();
      shot(apage, "job");
      apage.click("a:has-text('All jobs')");
      apage.waitForURL("**/jobs");
      assertThat(apage.locator("#jobs-table tbody tr").first().textContent()).contains("capture-import").contains("succeeded");
      // then a triage run over the store, keyboard only: its result becomes the queue's run
      apage.focus("#triage-submit");
      apage.keyboard().press("Enter");
      apage.waitForURL("**/jobs/*");
      apage.waitForSelector("#job-state:text-is('succeeded')", new Page.WaitForSelectorOptions().setTimeout(120_000));
      assertThat(apage.locator("table.summary").textContent()).contains("run");
      apage.navigate(base + "/jobs");
      assertThat(apage.locator("#jobs-table tbody tr").first().textContent()).contains("triage").contains("succeeded");
      shot(apage, "jobs");
      assertThat(cspViolations).isEmpty();
    }
  }
}
