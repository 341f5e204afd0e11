//! A stand-in for a password-protected workbook. Excel saves such a workbook not as a zip but
//! as an OLE compound file (CFB, version 3, 512-byte sectors) holding an `EncryptionInfo`
//! stream (agile encryption descriptor) and an `EncryptedPackage` stream (the encrypted zip).
//! This writes a small, structurally valid compound file of that shape with filler bytes in
//! place of real ciphertext: enough for a reader to recognise it and refuse it politely.

use super::rng::Rng;

const SECTOR: usize = 512;
const MINI_SECTOR: usize = 64;
const FREESECT: u32 = 0xFFFF_FFFF;
const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const FATSECT: u32 = 0xFFFF_FFFD;
const NOSTREAM: u32 = 0xFFFF_FFFF;

/// Size of the (fictitious) zip package the `EncryptedPackage` stream claims to hold.
const PACKAGE_SIZE: usize = 4096;

const ENCRYPTION_XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="c3ludGhldGljIHNhbHQhIQ=="/><keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="cG9wZHJ1ayB0ZXN0IHNhbHQ="/></keyEncryptor></keyEncryptors></encryption>"#;

/// The bytes of a compound file shaped like a password-protected `.xlsx`.
///
/// Layout: header, sector 0 the FAT, sector 1 the directory, sector 2 the mini FAT, then
/// the mini stream (holding `EncryptionInfo`, which is under the 4096-byte cutoff), then
/// `EncryptedPackage` in regular sectors.
pub fn password_protected_stub() -> Vec<u8> {
    // EncryptionInfo: version 4.4 (agile), flags 0x40, then the XML descriptor.
    let info = [&[4, 0, 4, 0, 0x40, 0, 0, 0][..], ENCRYPTION_XML.as_bytes()].concat();
    let mut rng = Rng::new(0x005E_C2E7);
    let mut package = (PACKAGE_SIZE as u64).to_le_bytes().to_vec();
    package.extend((0..PACKAGE_SIZE).map(|_| rng.next_u64() as u8));

    let mini_count = info.len().div_ceil(MINI_SECTOR);
    let mini_stream_len = mini_count * MINI_SECTOR;
    let mini_sectors = mini_stream_len.div_ceil(SECTOR);
    let package_sectors = package.len().div_ceil(SECTOR);
    let mini_start = 3;
    let package_start = mini_start + mini_sectors;
    assert!(
        package_start + package_sectors <= SECTOR / 4,
        "one FAT sector covers the file"
    );

    let mut fat = vec![FREESECT; SECTOR / 4];
    fat[0] = FATSECT;
    fat[1] = ENDOFCHAIN;
    fat[2] = ENDOFCHAIN;
    chain(&mut fat, mini_start, mini_sectors);
    chain(&mut fat, package_start, package_sectors);
    let mut mini_fat = vec![FREESECT; SECTOR / 4];
    chain(&mut mini_fat, 0, mini_count);

    let mut dir = Vec::with_capacity(SECTOR);
    // Root: its child is EncryptionInfo (black), whose right sibling is EncryptedPackage
    // (red): a valid red-black tree, shorter names sorting first.
    dir.extend(entry(
        "Root Entry",
        5,
        1,
        [NOSTREAM, NOSTREAM, 1],
        mini_start,
        mini_stream_len,
    ));
    dir.extend(entry(
        "EncryptionInfo",
        2,
        1,
        [NOSTREAM, 2, NOSTREAM],
        0,
        info.len(),
    ));
    dir.extend(entry(
        "EncryptedPackage",
        2,
        0,
        [NOSTREAM; 3],
        package_start,
        package.len(),
    ));
    dir.extend(entry("", 0, 0, [NOSTREAM; 3], 0, 0));

    let mut out = header();
    out.extend(words(&fat));
    out.extend(dir);
    out.extend(words(&mini_fat));
    out.extend(padded(&info, mini_sectors * SECTOR));
    out.extend(padded(&package, package_sectors * SECTOR));
    out
}

/// Link `count` sectors from `start` into one chain in `table`.
fn chain(table: &mut [u32], start: usize, count: usize) {
    let end = start + count;
    for (i, slot) in table.iter_mut().enumerate().take(end).skip(start) {
        *slot = if i + 1 < end {
            (i + 1) as u32
        } else {
            ENDOFCHAIN
        };
    }
}

/// The 512-byte header of a version 3 compound file with one FAT sector (sector 0), the
/// directory in sector 1 and one mini FAT sector (sector 2).
fn header() -> Vec<u8> {
    let mut h = Vec::with_capacity(SECTOR);
    h.extend([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    h.extend([0; 16]); // CLSID
    h.extend(0x003Eu16.to_le_bytes()); // minor version
    h.extend(0x0003u16.to_le_bytes()); // major version 3
    h.extend(0xFFFEu16.to_le_bytes()); // byte order: little-endian
    h.extend(9u16.to_le_bytes()); // sector shift: 512 bytes
    h.extend(6u16.to_le_bytes()); // mini sector shift: 64 bytes
    h.extend([0; 6]);
    h.extend(words(&[
        0,          // directory sectors (always 0 in version 3)
        1,          // FAT sectors
        1,          // first directory sector
        0,          // transaction signature
        4096,       // mini stream cutoff
        2,          // first mini FAT sector
        1,          // mini FAT sectors
        ENDOFCHAIN, // first DIFAT sector: none
        0,          // DIFAT sectors
    ]));
    let mut difat = vec![FREESECT; 109];
    difat[0] = 0;
    h.extend(words(&difat));
    debug_assert_eq!(h.len(), SECTOR);
    h
}

/// One 128-byte directory entry: name, object type (5 root, 2 stream, 0 unused), colour (0
/// red, 1 black), [left sibling, right sibling, child], start sector and stream size.
fn entry(name: &str, kind: u8, colour: u8, links: [u32; 3], start: usize, size: usize) -> Vec<u8> {
    let mut e = Vec::with_capacity(128);
    let utf16: Vec<u16> = name.encode_utf16().collect();
    for unit in &utf16 {
        e.extend(unit.to_le_bytes());
    }
    e.resize(64, 0);
    let name_len = if name.is_empty() {
        0
    } else {
        (utf16.len() as u16 + 1) * 2
    };
    e.extend(name_len.to_le_bytes());
    e.extend([kind, colour]);
    e.extend(words(&links));
    e.extend([0; 16 + 4 + 8 + 8]); // CLSID, state bits, creation and modification time
    let (start, size) = if kind == 0 {
        (0, 0)
    } else {
        (start as u32, size as u64)
    };
    e.extend(start.to_le_bytes());
    e.extend(size.to_le_bytes());
    debug_assert_eq!(e.len(), 128);
    e
}

fn words(values: &[u32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

fn padded(bytes: &[u8], len: usize) -> Vec<u8> {
    let mut v = bytes.to_vec();
    v.resize(len, 0);
    v
}
