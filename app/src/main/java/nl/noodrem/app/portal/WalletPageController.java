package nl.noodrem.app.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The citizen's wallet: the page is a frame; the credentials live only in the browser and its script shows them. */
@Controller
class WalletPageController {

  @GetMapping("/portaal/wallet")
  String wallet() {
    return "wallet";
  }
}
