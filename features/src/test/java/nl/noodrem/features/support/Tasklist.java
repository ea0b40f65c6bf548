package nl.noodrem.features.support;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A member of staff in Camunda Tasklist, in headless Debian Chromium: logs in, opens a task, reads its form,
 * claims it and completes it. Chromium and ChromeDriver come from Debian (installed by the test command); their
 * paths are given explicitly so Selenium never downloads a browser.
 */
public final class Tasklist implements AutoCloseable {

  private final String base;
  private final WebDriver driver;
  private final WebDriverWait wait;

  public Tasklist(String base) {
    this.base = base;
    System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    try {
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1000",
          "--user-data-dir=" + Files.createTempDirectory("noodrem-tasklist-chromium"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    this.driver = new ChromeDriver(ChromeDriverService.createDefaultService(), options);
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
  }

  public void logIn(String user, String password) {
    driver.get(base + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
        .sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='password']")));
  }

  /** Opens the task and waits for its generated form. */
  public void open(String taskId) {
    driver.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-variable-name]")));
  }

  /** The text of the page's task form, as the member of staff sees it. */
  public String formText() {
    StringBuilder text = new StringBuilder(driver.findElement(By.cssSelector("form")).getText());
    for (WebElement field : driver.findElements(By.cssSelector("[cam-variable-name]"))) {
      text.append('\n').append(field.getAttribute("cam-variable-name")).append('=')
          .append(field.getAttribute("value"));
    }
    return text.toString();
  }

  public boolean hasField(String name) {
    return !driver.findElements(By.cssSelector("[cam-variable-name='" + name + "']")).isEmpty();
  }

  public void claim() {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
  }

  public void select(String field, String value) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("select[cam-variable-name='" + field + "']")));
    new Select(element).selectByValue(value);
  }

  public void type(String field, String text) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("[cam-variable-name='" + field + "']")));
    element.clear();
    element.sendKeys(text);
  }

  public void complete() {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))).click();
    // the task disappears from the form area once Tasklist has completed it
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button[ng-click='complete()']")));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
