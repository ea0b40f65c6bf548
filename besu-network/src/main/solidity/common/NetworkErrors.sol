// SPDX-License-Identifier: EUPL-1.2
pragma solidity ^0.8.28;

/// @notice Errors shared by every Noodrem registry.

/// @dev The caller is not the network admin (the ministry's account).
error NotNetworkAdmin(address caller);

/// @dev An account argument is the zero address.
error InvalidAccount(address account);
