// SPDX-License-Identifier: EUPL-1.2
pragma solidity ^0.8.28;

import {IStatusListRegistry} from "./IStatusListRegistry.sol";
import {StatusList} from "./StatusListRegistryTypes.sol";
import "./StatusListRegistryErrors.sol";
import {IIssuerRegistry} from "../issuer/IIssuerRegistry.sol";
import {InvalidAccount} from "../common/NetworkErrors.sol";

/// @title Status-list registry (see IStatusListRegistry for roles and refusals).
contract StatusListRegistry is IStatusListRegistry {
    uint64 public constant MAX_CAPACITY = 1 << 24;

    IIssuerRegistry private immutable _issuerRegistry;
    mapping(uint64 statusListId => StatusList) private _lists;
    mapping(uint64 statusListId => mapping(uint256 wordIndex => uint256 bits)) private _words;
    mapping(bytes20 issuerOin => uint64[]) private _listsOf;
    uint64 private _listCount;

    constructor(IIssuerRegistry issuerRegistry_) {
        if (address(issuerRegistry_) == address(0)) revert InvalidAccount(address(issuerRegistry_));
        _issuerRegistry = issuerRegistry_;
    }

    function issuerRegistry() external view returns (address) {
        return address(_issuerRegistry);
    }

    function createStatusList(uint64 capacity) external returns (uint64 statusListId) {
        if (capacity == 0 || capacity > MAX_CAPACITY) revert InvalidCapacity(capacity, MAX_CAPACITY);
        bytes20 oin = _issuerRegistry.requireIssuing(msg.sender);
        statusListId = ++_listCount;
        _lists[statusListId] = StatusList({
            statusListId: statusListId,
            issuerOin: oin,
            capacity: capacity,
            allocated: 0,
            revokedCount: 0,
            createdAt: uint64(block.timestamp)
        });
        _listsOf[oin].push(statusListId);
        emit StatusListCreated(statusListId, oin, capacity);
    }

    function allocateIndices(uint64 statusListId, uint64 count) external returns (uint64 firstIndex) {
        if (count == 0) revert InvalidCount(count);
        StatusList storage list = _ownedList(statusListId);
        _issuerRegistry.requireIssuing(msg.sender);
        if (count > list.capacity - list.allocated) {
            revert StatusListFull(statusListId, list.capacity, list.allocated, count);
        }
        firstIndex = list.allocated;
        list.allocated = firstIndex + count;
        emit IndicesAllocated(statusListId, list.issuerOin, firstIndex, count);
    }

    function revoke(uint64 statusListId, uint64 statusIndex) external {
        StatusList storage list = _writableList(statusListId);
        _requireAllocated(list, statusIndex);
        uint256 wordIndex = statusIndex >> 8;
        uint256 mask = uint256(1) << (statusIndex & 0xff);
        uint256 word = _words[statusListId][wordIndex];
        if (word & mask == 0) {
            _words[statusListId][wordIndex] = word | mask;
            list.revokedCount += 1;
            emit StatusRevoked(statusListId, statusIndex, list.issuerOin);
        }
    }

    function revokeBatch(uint64 statusListId, uint64[] calldata statusIndices) external {
        if (statusIndices.length == 0) revert EmptyBatch();
        StatusList storage list = _writableList(statusListId);
        mapping(uint256 => uint256) storage words = _words[statusListId];
        bytes20 oin = list.issuerOin;
        uint64 allocated = list.allocated;
        uint64 changed = 0;
        // Keep the current word in memory and write it once when the batch moves on to another word:
        // one storage write per touched word instead of one per bit.
        uint256 cachedIndex = type(uint256).max;
        uint256 cachedWord = 0;
        uint256 original = 0;
        for (uint256 i = 0; i < statusIndices.length; i++) {
            uint64 statusIndex = statusIndices[i];
            if (statusIndex >= allocated) _requireAllocated(list, statusIndex);
            uint256 wordIndex = statusIndex >> 8;
            if (wordIndex != cachedIndex) {
                if (cachedWord != original) words[cachedIndex] = cachedWord;
                cachedIndex = wordIndex;
                cachedWord = words[wordIndex];
                original = cachedWord;
            }
            uint256 mask = uint256(1) << (statusIndex & 0xff);
            if (cachedWord & mask == 0) {
                cachedWord |= mask;
                changed += 1;
                emit StatusRevoked(statusListId, statusIndex, oin);
            }
        }
        if (cachedWord != original) words[cachedIndex] = cachedWord;
        if (changed != 0) list.revokedCount += changed;
    }

    function isRevoked(uint64 statusListId, uint64 statusIndex) external view returns (bool) {
        StatusList storage list = _existing(statusListId);
        if (statusIndex >= list.capacity) revert IndexOutOfRange(statusListId, statusIndex, list.capacity);
        return (_words[statusListId][statusIndex >> 8] >> (statusIndex & 0xff)) & 1 == 1;
    }

    function getWords(uint64 statusListId, uint64 firstWord, uint64 count) external view returns (uint256[] memory words) {
        StatusList storage list = _existing(statusListId);
        uint64 wordCount = (list.capacity + 255) / 256;
        if (count == 0 || firstWord >= wordCount || count > wordCount - firstWord) {
            revert WordRangeOutOfBounds(statusListId, firstWord, count, wordCount);
        }
        words = new uint256[](count);
        mapping(uint256 => uint256) storage bits = _words[statusListId];
        for (uint256 i = 0; i < count; i++) {
            words[i] = bits[firstWord + i];
        }
    }

    function getStatusList(uint64 statusListId) external view returns (StatusList memory) {
        return _existing(statusListId);
    }

    function statusListsOf(bytes20 issuerOin) external view returns (uint64[] memory) {
        return _listsOf[issuerOin];
    }

    function statusListCount() external view returns (uint64) {
        return _listCount;
    }

    function _existing(uint64 statusListId) private view returns (StatusList storage list) {
        list = _lists[statusListId];
        if (list.statusListId == 0) revert UnknownStatusList(statusListId);
    }

    /// The list must belong to the caller's issuer; the OIN is compared, so an account change by the admin
    /// moves the write right to the new account without touching any list.
    function _ownedList(uint64 statusListId) private view returns (StatusList storage list) {
        list = _existing(statusListId);
        if (_issuerRegistry.issuerOfAccount(msg.sender) != list.issuerOin) {
            revert UnauthorizedWriter(statusListId, msg.sender);
        }
    }

    function _writableList(uint64 statusListId) private view returns (StatusList storage list) {
        list = _ownedList(statusListId);
        _issuerRegistry.requireActiveIssuer(msg.sender);
    }

    function _requireAllocated(StatusList storage list, uint64 statusIndex) private view {
        if (statusIndex >= list.capacity) revert IndexOutOfRange(list.statusListId, statusIndex, list.capacity);
        if (statusIndex >= list.allocated) {
            revert IndexNotAllocated(list.statusListId, statusIndex, list.allocated);
        }
    }
}
