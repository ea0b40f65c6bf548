// SPDX-License-Identifier: EUPL-1.2
pragma solidity ^0.8.28;

import {IssuerView, IssuerKey} from "./IssuerRegistryTypes.sol";

/// @title Issuer registry: which municipalities may issue debt-help credentials, with which BBS keys.
/// @notice Roles:
///  - network admin (the ministry of Justice and Security): accredits, suspends and reinstates issuers,
///    changes an issuer's account, rotates and revokes issuer keys, hands the admin role on;
///  - issuer (a municipality's debt-help service, identified by its OIN): has exactly one account,
///    which alone writes that issuer's status lists in the StatusListRegistry;
///  - anyone: reads issuers and keys (verifiers look keys up by key id).
/// Keys are never deleted: a rotated-out key stays readable, so credentials it signed still verify
/// until the key's validUntil. Nothing here is personal data: OINs, names and keys of organisations.
interface IIssuerRegistry {
    event NetworkAdminTransferred(address indexed previousAdmin, address indexed newAdmin);
    event IssuerAccredited(bytes20 indexed oin, address indexed account, bytes32 indexed keyId);
    event IssuerSuspensionChanged(bytes20 indexed oin, bool suspended);
    event IssuerAccountChanged(bytes20 indexed oin, address indexed previousAccount, address indexed newAccount);
    event KeyRotated(bytes20 indexed oin, bytes32 indexed previousKeyId, bytes32 indexed newKeyId);
    event KeyRevoked(bytes20 indexed oin, bytes32 indexed keyId);

    /// @notice The network admin's account.
    function networkAdmin() external view returns (address);

    /// @notice Hands the network admin role to another account.
    /// @dev Reverts NotNetworkAdmin(caller) for anyone but the admin; InvalidAccount(0) for the zero address.
    function transferNetworkAdmin(address newAdmin) external;

    /// @notice Accredits an issuer with its first key.
    /// @param oin 20 ASCII digits
    /// @param account the issuer's only writing account
    /// @param keyId ASCII key id, left-aligned, zero-padded
    /// @param publicKey compressed G2 BBS public key, 96 octets
    /// @param validFrom unix seconds: first instant the key may sign
    /// @param validUntil unix seconds: from this instant the key verifies nothing
    /// @dev Reverts NotNetworkAdmin(caller); InvalidOin(oin); EmptyIssuerName(); InvalidAccount(account)
    ///  for the zero address; IssuerAlreadyAccredited(oin); AccountAlreadyAssigned(account, otherOin);
    ///  InvalidKeyId(keyId) for zero; KeyIdAlreadyUsed(keyId); InvalidPublicKeyLength(length);
    ///  InvalidValidity(validFrom, validUntil) unless validFrom < validUntil and validUntil > now.
    function accreditIssuer(
        bytes20 oin,
        string calldata name,
        address account,
        bytes32 keyId,
        bytes calldata publicKey,
        uint64 validFrom,
        uint64 validUntil
    ) external;

    /// @notice Suspends an issuer: it can no longer create lists, allocate indices or revoke, and
    ///  verifiers see it inactive.
    /// @dev Reverts NotNetworkAdmin(caller); UnknownIssuer(oin); IssuerSuspended(oin) when already suspended.
    function suspendIssuer(bytes20 oin) external;

    /// @notice Lifts a suspension.
    /// @dev Reverts NotNetworkAdmin(caller); UnknownIssuer(oin); IssuerNotSuspended(oin).
    function reinstateIssuer(bytes20 oin) external;

    /// @notice Replaces the issuer's writing account (e.g. after the old one was compromised).
    ///  The issuer keeps its status lists: they belong to the OIN, not the account.
    /// @dev Reverts NotNetworkAdmin(caller); UnknownIssuer(oin); InvalidAccount(0);
    ///  AccountAlreadyAssigned(newAccount, oinHoldingIt).
    function changeIssuerAccount(bytes20 oin, address newAccount) external;

    /// @notice Adds a new current key; the previous key is retired (kept, still verifying until its validUntil).
    /// @dev Reverts NotNetworkAdmin(caller); UnknownIssuer(oin); InvalidKeyId(keyId); KeyIdAlreadyUsed(keyId);
    ///  InvalidPublicKeyLength(length); InvalidValidity(validFrom, validUntil).
    function rotateKey(
        bytes20 oin,
        bytes32 keyId,
        bytes calldata publicKey,
        uint64 validFrom,
        uint64 validUntil
    ) external;

    /// @notice Marks a key revoked (compromised): verifiers must reject everything it signed.
    /// @dev Reverts NotNetworkAdmin(caller); UnknownKey(keyId); KeyAlreadyRevoked(keyId).
    function revokeKey(bytes32 keyId) external;

    /// @notice The issuer with this OIN.
    /// @dev Reverts UnknownIssuer(oin).
    function getIssuer(bytes20 oin) external view returns (IssuerView memory);

    /// @notice The OINs of all accredited issuers, in accreditation order (suspended ones included).
    function issuerOins() external view returns (bytes20[] memory);

    /// @notice The OIN whose account this is, or zero when the account belongs to no issuer.
    function issuerOfAccount(address account) external view returns (bytes20);

    /// @notice One key by its id, current or historical.
    /// @dev Reverts UnknownKey(keyId).
    function getKey(bytes32 keyId) external view returns (IssuerKey memory);

    /// @notice The ids of all keys of an issuer, oldest first; the last one is current.
    /// @dev Reverts UnknownIssuer(oin).
    function keyIdsOf(bytes20 oin) external view returns (bytes32[] memory);

    /// @notice Checks that `account` may issue new credentials now and returns its issuer's OIN.
    /// @dev Reverts NotAnIssuer(account); IssuerSuspended(oin); CurrentKeyRevoked(keyId), KeyNotYetValid(keyId, validFrom)
    ///  or KeyExpired(keyId, validUntil) for the issuer's current key.
    function requireIssuing(address account) external view returns (bytes20 oin);

    /// @notice Checks that `account` belongs to an active issuer (enough to revoke) and returns its OIN.
    ///  Revocation stays possible with an expired key: credentials signed earlier must remain revocable.
    /// @dev Reverts NotAnIssuer(account); IssuerSuspended(oin).
    function requireActiveIssuer(address account) external view returns (bytes20 oin);
}
