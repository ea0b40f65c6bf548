package nl.noodrem.app.portal;

import nl.noodrem.digid.AuthenticatedCitizen;
import nl.noodrem.digid.DigidLevel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages: what the Noodrem is, and the start page of the brake where the citizen logs in with DigiD.
 *
 * <p>A DigiD login started here comes back here ({@code /noodrem?verder=1}): on success the page sends the citizen
 * on to the brake, on a cancel it shows DigiD's cancel text on the page where the login started, as Logius asks.
 */
@Controller
class HomeController {

  static final String BRAKE_START = "/noodrem";
  static final String BRAKE_LOGIN = "/digid/login?returnTo=%2Fnoodrem%3Fverder%3D1&level=SUBSTANTIEEL";

  @GetMapping("/")
  String home() {
    return "home";
  }

  @GetMapping(BRAKE_START)
  String brakeStart(@AuthenticationPrincipal AuthenticatedCitizen citizen,
      @RequestParam(name = "verder", required = false) String onwards,
      @RequestParam(name = "digid", required = false) String digidFlag, Model model) {
    boolean mayPull = citizen != null && citizen.level().compareTo(DigidLevel.SUBSTANTIEEL) >= 0;
    if (mayPull && onwards != null && digidFlag == null) {
      return "redirect:/portaal/noodrem";
    }
    model.addAttribute("mayPull", mayPull);
    model.addAttribute("loginUrl", BRAKE_LOGIN);
    return "brake-start";
  }
}
