package nl.noodrem.app.adapters;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.noodrem.app.chain.ChainConnection;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.ContractRevertedException;
import nl.noodrem.ledger.IssuerClient;
import nl.noodrem.ledger.LedgerException;
import nl.noodrem.ledger.StatusListInfo;
import nl.noodrem.ledger.devchain.DevChainBootstrap;
import nl.noodrem.processes.port.CredentialStatusReader;
import nl.noodrem.processes.port.PortUnavailableException;
import nl.noodrem.processes.port.StatusListWriter;
import nl.noodrem.processes.port.StatusSlot;
import org.springframework.stereotype.Component;

/**
 * The processes' status-list ports on the chain: allocating a revocation slot for a new credential, revoking
 * slots when help ends (with the municipality's own account), and reading a slot's bit.
 */
@Component
class LedgerStatusLists implements StatusListWriter, CredentialStatusReader {

  private final ChainConnection chain;

  LedgerStatusLists(ChainConnection chain) {
    this.chain = chain;
  }

  @Override
  public synchronized StatusSlot allocate(Oin issuer) throws PortUnavailableException {
    IssuerClient client = client(issuer);
    try {
      List<Long> lists = chain.ledger().statusListsOf(issuer);
      long listId = -1;
      for (int i = lists.size() - 1; i >= 0 && listId < 0; i--) {
        StatusListInfo info = chain.ledger().statusList(lists.get(i));
        if (info.allocated() < info.capacity()) {
          listId = info.statusListId();
        }
      }
      if (listId < 0) {
        listId = client.createStatusList(DevChainBootstrap.DEFAULT_STATUS_LIST_CAPACITY);
      }
      return new StatusSlot(listId, client.allocateIndex(listId));
    } catch (ContractRevertedException e) {
      throw new IllegalArgumentException("status list refused allocation for " + issuer + ": " + e.errorName(), e);
    } catch (LedgerException e) {
      throw new PortUnavailableException("chain unavailable while allocating a status slot", e);
    }
  }

  @Override
  public void revoke(Oin issuer, List<StatusSlot> slots) throws PortUnavailableException {
    IssuerClient client = client(issuer);
    Map<Long, List<Long>> byList = slots.stream().collect(Collectors.groupingBy(StatusSlot::statusListId,
        TreeMap::new, Collectors.mapping(StatusSlot::statusIndex, Collectors.toList())));
    try {
      for (Map.Entry<Long, List<Long>> list : byList.entrySet()) {
        client.revokeBatch(list.getKey(), list.getValue());
      }
    } catch (ContractRevertedException e) {
      throw new IllegalArgumentException("status list refused revocation for " + issuer + ": " + e.errorName(), e);
    } catch (LedgerException e) {
      throw new PortUnavailableException("chain unavailable while revoking", e);
    }
  }

  @Override
  public boolean isRevoked(long statusListId, long statusIndex) throws PortUnavailableException {
    try {
      return chain.ledger().readStatus(statusListId, statusIndex);
    } catch (LedgerException e) {
      throw new PortUnavailableException("status bit " + statusListId + "/" + statusIndex + " unreadable", e);
    }
  }

  private IssuerClient client(Oin issuer) {
    return chain.ledger().issuer(chain.issuerAccount(issuer));
  }
}
