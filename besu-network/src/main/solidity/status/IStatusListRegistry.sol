// SPDX-License-Identifier: EUPL-1.2
pragma solidity ^0.8.28;

import {StatusList} from "./StatusListRegistryTypes.sol";

/// @title Status-list registry: credential revocation as bit strings.
/// @notice Roles:
///  - issuer (an account accredited in the IssuerRegistry): creates status lists, which it then owns
///    (they belong to its OIN), allocates indices in them and revokes indices. Only the owning issuer's
///    current account writes a list. Creating and allocating need an active issuer with a usable current
///    key; revoking needs only an active issuer, so credentials of expired or rotated keys stay revocable;
///  - anyone: reads a bit, a word range (bulk) or a list's counters.
/// Status list ids are global, assigned here from 1 upwards. Revocation is final: a bit never returns to 0.
/// Revoking an already revoked index changes nothing and emits nothing, so retried batches are harmless.
/// Nothing here is personal data: list ids, bit indices and issuer OINs.
interface IStatusListRegistry {
    event StatusListCreated(uint64 indexed statusListId, bytes20 indexed issuerOin, uint64 capacity);
    event IndicesAllocated(uint64 indexed statusListId, bytes20 indexed issuerOin, uint64 firstIndex, uint64 count);
    /// @notice One per bit that changed from 0 (valid) to 1 (revoked).
    event StatusRevoked(uint64 indexed statusListId, uint64 indexed statusIndex, bytes20 indexed issuerOin);

    /// @notice The largest capacity a list may have (2^24 bits = 65,536 words).
    function MAX_CAPACITY() external view returns (uint64);

    /// @notice The issuer registry this registry takes its issuers from.
    function issuerRegistry() external view returns (address);

    /// @notice Creates a status list of `capacity` bits, owned by the caller's issuer.
    /// @return statusListId the new list's global id
    /// @dev Reverts InvalidCapacity(capacity, max); NotAnIssuer(caller); IssuerSuspended(oin);
    ///  CurrentKeyRevoked(keyId); KeyNotYetValid(keyId, validFrom); KeyExpired(keyId, validUntil).
    function createStatusList(uint64 capacity) external returns (uint64 statusListId);

    /// @notice Hands out the next `count` indices of a list; read them from the IndicesAllocated event.
    /// @return firstIndex the first of the `count` consecutive indices
    /// @dev Reverts InvalidCount(0); UnknownStatusList(id); UnauthorizedWriter(id, caller);
    ///  IssuerSuspended(oin); CurrentKeyRevoked / KeyNotYetValid / KeyExpired for the current key;
    ///  StatusListFull(id, capacity, allocated, count).
    function allocateIndices(uint64 statusListId, uint64 count) external returns (uint64 firstIndex);

    /// @notice Revokes one index (idempotent).
    /// @dev Reverts UnknownStatusList(id); UnauthorizedWriter(id, caller); IssuerSuspended(oin);
    ///  IndexOutOfRange(id, index, capacity); IndexNotAllocated(id, index, allocated).
    function revoke(uint64 statusListId, uint64 statusIndex) external;

    /// @notice Revokes many indices of one list in one transaction (idempotent per index). Sorted input
    ///  is cheapest: consecutive indices in the same word share one storage write.
    /// @dev Reverts EmptyBatch(); the refusals of revoke, for the first offending index.
    function revokeBatch(uint64 statusListId, uint64[] calldata statusIndices) external;

    /// @notice Whether an index is revoked.
    /// @dev Reverts UnknownStatusList(id); IndexOutOfRange(id, index, capacity).
    function isRevoked(uint64 statusListId, uint64 statusIndex) external view returns (bool);

    /// @notice Words [firstWord, firstWord + count) of a list's bits: bulk read, 256 bits per word.
    /// @dev Reverts UnknownStatusList(id); WordRangeOutOfBounds(id, firstWord, count, wordCount) when count
    ///  is 0 or the range passes the last word.
    function getWords(uint64 statusListId, uint64 firstWord, uint64 count) external view returns (uint256[] memory);

    /// @notice A list's owner and counters.
    /// @dev Reverts UnknownStatusList(id).
    function getStatusList(uint64 statusListId) external view returns (StatusList memory);

    /// @notice The ids of an issuer's lists, oldest first (empty when none).
    function statusListsOf(bytes20 issuerOin) external view returns (uint64[] memory);

    /// @notice How many lists exist; ids run from 1 to this number.
    function statusListCount() external view returns (uint64);
}
