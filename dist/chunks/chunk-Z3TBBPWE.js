import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  NEVER_DYNAMIC
} from "./chunk-G2YOVFT2.js";
import {
  FIELD_INTRODUCED,
  PYPI_METADATA_VERSIONS,
  canonicalVersion,
  compareMetadataVersions,
  normalizeProjectName
} from "./chunk-S7NFOUJH.js";
import {
  validRange
} from "./chunk-AFO7ECMN.js";
import {
  require_tar_stream
} from "./chunk-GBGIRKK7.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  DistributionError
} from "./chunk-W3DSJ3DT.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-OHTIYD5V.js";

// node_modules/spdx-license-ids/index.json
var require_spdx_license_ids = __commonJS({
  "node_modules/spdx-license-ids/index.json"(exports, module) {
    module.exports = [
      "0BSD",
      "3D-Slicer-1.0",
      "AAL",
      "ADSL",
      "AFL-1.1",
      "AFL-1.2",
      "AFL-2.0",
      "AFL-2.1",
      "AFL-3.0",
      "AGPL-1.0-only",
      "AGPL-1.0-or-later",
      "AGPL-3.0-only",
      "AGPL-3.0-or-later",
      "ALGLIB-Documentation",
      "AMD-newlib",
      "AMDPLPA",
      "AML",
      "AML-glslang",
      "AMPAS",
      "ANTLR-PD",
      "ANTLR-PD-fallback",
      "APAFML",
      "APL-1.0",
      "APSL-1.0",
      "APSL-1.1",
      "APSL-1.2",
      "APSL-2.0",
      "ASWF-Digital-Assets-1.0",
      "ASWF-Digital-Assets-1.1",
      "Abstyles",
      "AdaCore-doc",
      "Adobe-2006",
      "Adobe-Display-PostScript",
      "Adobe-Glyph",
      "Adobe-Utopia",
      "Advanced-Cryptics-Dictionary",
      "Afmparse",
      "Aladdin",
      "Apache-1.0",
      "Apache-1.1",
      "Apache-2.0",
      "App-s2p",
      "Arphic-1999",
      "Artistic-1.0",
      "Artistic-1.0-Perl",
      "Artistic-1.0-cl8",
      "Artistic-2.0",
      "Artistic-dist",
      "Aspell-RU",
      "BOLA-1.1",
      "BSD-1-Clause",
      "BSD-2-Clause",
      "BSD-2-Clause-Darwin",
      "BSD-2-Clause-Patent",
      "BSD-2-Clause-Views",
      "BSD-2-Clause-first-lines",
      "BSD-2-Clause-pkgconf-disclaimer",
      "BSD-2-Clause-pos-unchanged",
      "BSD-3-Clause",
      "BSD-3-Clause-Attribution",
      "BSD-3-Clause-Clear",
      "BSD-3-Clause-HP",
      "BSD-3-Clause-LBNL",
      "BSD-3-Clause-Modification",
      "BSD-3-Clause-No-Military-License",
      "BSD-3-Clause-No-Nuclear-License",
      "BSD-3-Clause-No-Nuclear-License-2014",
      "BSD-3-Clause-No-Nuclear-Warranty",
      "BSD-3-Clause-Open-MPI",
      "BSD-3-Clause-OpenWebUI",
      "BSD-3-Clause-Sun",
      "BSD-3-Clause-Tso",
      "BSD-3-Clause-acpica",
      "BSD-3-Clause-flex",
      "BSD-4-Clause",
      "BSD-4-Clause-Shortened",
      "BSD-4-Clause-UC",
      "BSD-4.3RENO",
      "BSD-4.3TAHOE",
      "BSD-Advertising-Acknowledgement",
      "BSD-Attribution-HPND-disclaimer",
      "BSD-Inferno-Nettverk",
      "BSD-Mark-Modifications",
      "BSD-Protection",
      "BSD-Source-Code",
      "BSD-Source-Code-no-disclaimer",
      "BSD-Source-alt-GPL",
      "BSD-Source-beginning-file",
      "BSD-Systemics",
      "BSD-Systemics-W3Works",
      "BSD-ask-to-endorse",
      "BSL-1.0",
      "BUSL-1.1",
      "Baekmuk",
      "Bahyph",
      "Barr",
      "Beerware",
      "BitTorrent-1.0",
      "BitTorrent-1.1",
      "Bitstream-Charter",
      "Bitstream-Vera",
      "BlueOak-1.0.0",
      "Boehm-GC",
      "Boehm-GC-without-fee",
      "Borceux",
      "Brian-Gladman-2-Clause",
      "Brian-Gladman-3-Clause",
      "Brian-Gladman-3-Clause-no-conversion",
      "Buddy",
      "Bugroff",
      "C-UDA-1.0",
      "CAL-1.0",
      "CAL-1.0-Combined-Work-Exception",
      "CAPEC-tou",
      "CATOSL-1.1",
      "CC-BY-1.0",
      "CC-BY-2.0",
      "CC-BY-2.5",
      "CC-BY-2.5-AU",
      "CC-BY-3.0",
      "CC-BY-3.0-AT",
      "CC-BY-3.0-AU",
      "CC-BY-3.0-DE",
      "CC-BY-3.0-IGO",
      "CC-BY-3.0-NL",
      "CC-BY-3.0-US",
      "CC-BY-4.0",
      "CC-BY-NC-1.0",
      "CC-BY-NC-2.0",
      "CC-BY-NC-2.5",
      "CC-BY-NC-3.0",
      "CC-BY-NC-3.0-DE",
      "CC-BY-NC-3.0-IGO",
      "CC-BY-NC-4.0",
      "CC-BY-NC-ND-1.0",
      "CC-BY-NC-ND-2.0",
      "CC-BY-NC-ND-2.5",
      "CC-BY-NC-ND-3.0",
      "CC-BY-NC-ND-3.0-DE",
      "CC-BY-NC-ND-3.0-IGO",
      "CC-BY-NC-ND-4.0",
      "CC-BY-NC-SA-1.0",
      "CC-BY-NC-SA-2.0",
      "CC-BY-NC-SA-2.0-DE",
      "CC-BY-NC-SA-2.0-FR",
      "CC-BY-NC-SA-2.0-UK",
      "CC-BY-NC-SA-2.5",
      "CC-BY-NC-SA-3.0",
      "CC-BY-NC-SA-3.0-DE",
      "CC-BY-NC-SA-3.0-IGO",
      "CC-BY-NC-SA-4.0",
      "CC-BY-ND-1.0",
      "CC-BY-ND-2.0",
      "CC-BY-ND-2.5",
      "CC-BY-ND-3.0",
      "CC-BY-ND-3.0-DE",
      "CC-BY-ND-4.0",
      "CC-BY-SA-1.0",
      "CC-BY-SA-2.0",
      "CC-BY-SA-2.0-UK",
      "CC-BY-SA-2.1-JP",
      "CC-BY-SA-2.5",
      "CC-BY-SA-3.0",
      "CC-BY-SA-3.0-AT",
      "CC-BY-SA-3.0-DE",
      "CC-BY-SA-3.0-IGO",
      "CC-BY-SA-4.0",
      "CC-PDDC",
      "CC-PDM-1.0",
      "CC-SA-1.0",
      "CC0-1.0",
      "CDDL-1.0",
      "CDDL-1.1",
      "CDL-1.0",
      "CDLA-Permissive-1.0",
      "CDLA-Permissive-2.0",
      "CDLA-Sharing-1.0",
      "CECILL-1.0",
      "CECILL-1.1",
      "CECILL-2.0",
      "CECILL-2.1",
      "CECILL-B",
      "CECILL-C",
      "CERN-OHL-1.1",
      "CERN-OHL-1.2",
      "CERN-OHL-P-2.0",
      "CERN-OHL-S-2.0",
      "CERN-OHL-W-2.0",
      "CFITSIO",
      "CMU-Mach",
      "CMU-Mach-nodoc",
      "CNRI-Jython",
      "CNRI-Python",
      "CNRI-Python-GPL-Compatible",
      "COIL-1.0",
      "CPAL-1.0",
      "CPL-1.0",
      "CPOL-1.02",
      "CUA-OPL-1.0",
      "Caldera",
      "Caldera-no-preamble",
      "Catharon",
      "ClArtistic",
      "Clips",
      "Community-Spec-1.0",
      "Condor-1.1",
      "Cornell-Lossless-JPEG",
      "Cronyx",
      "Crossword",
      "CryptoSwift",
      "CrystalStacker",
      "Cube",
      "D-FSL-1.0",
      "DEC-3-Clause",
      "DL-DE-BY-2.0",
      "DL-DE-ZERO-2.0",
      "DOC",
      "DRL-1.0",
      "DRL-1.1",
      "DSDP",
      "DocBook-DTD",
      "DocBook-Schema",
      "DocBook-Stylesheet",
      "DocBook-XML",
      "Dotseqn",
      "ECL-1.0",
      "ECL-2.0",
      "EFL-1.0",
      "EFL-2.0",
      "EPICS",
      "EPL-1.0",
      "EPL-2.0",
      "ESA-PL-permissive-2.4",
      "ESA-PL-strong-copyleft-2.4",
      "ESA-PL-weak-copyleft-2.4",
      "EUDatagrid",
      "EUPL-1.0",
      "EUPL-1.1",
      "EUPL-1.2",
      "Elastic-2.0",
      "Entessa",
      "ErlPL-1.1",
      "Eurosym",
      "FBM",
      "FDK-AAC",
      "FDK-MPEG-H",
      "FSFAP",
      "FSFAP-no-warranty-disclaimer",
      "FSFUL",
      "FSFULLR",
      "FSFULLRSD",
      "FSFULLRWD",
      "FSL-1.1-ALv2",
      "FSL-1.1-MIT",
      "FTL",
      "Fair",
      "Ferguson-Twofish",
      "Frameworx-1.0",
      "FreeBSD-DOC",
      "FreeImage",
      "Furuseth",
      "GCR-docs",
      "GD",
      "GFDL-1.1-invariants-only",
      "GFDL-1.1-invariants-or-later",
      "GFDL-1.1-no-invariants-only",
      "GFDL-1.1-no-invariants-or-later",
      "GFDL-1.1-only",
      "GFDL-1.1-or-later",
      "GFDL-1.2-invariants-only",
      "GFDL-1.2-invariants-or-later",
      "GFDL-1.2-no-invariants-only",
      "GFDL-1.2-no-invariants-or-later",
      "GFDL-1.2-only",
      "GFDL-1.2-or-later",
      "GFDL-1.3-invariants-only",
      "GFDL-1.3-invariants-or-later",
      "GFDL-1.3-no-invariants-only",
      "GFDL-1.3-no-invariants-or-later",
      "GFDL-1.3-only",
      "GFDL-1.3-or-later",
      "GL2PS",
      "GLWTPL",
      "GPL-1.0-only",
      "GPL-1.0-or-later",
      "GPL-2.0-only",
      "GPL-2.0-or-later",
      "GPL-3.0-only",
      "GPL-3.0-or-later",
      "Game-Programming-Gems",
      "Giftware",
      "Glide",
      "Glulxe",
      "Graphics-Gems",
      "Gutmann",
      "HDF5",
      "HIDAPI",
      "HP-1986",
      "HP-1989",
      "HPND",
      "HPND-DEC",
      "HPND-Fenneberg-Livingston",
      "HPND-INRIA-IMAG",
      "HPND-Intel",
      "HPND-Kevlin-Henney",
      "HPND-MIT-disclaimer",
      "HPND-Markus-Kuhn",
      "HPND-Netrek",
      "HPND-Pbmplus",
      "HPND-SMC",
      "HPND-UC",
      "HPND-UC-export-US",
      "HPND-doc",
      "HPND-doc-sell",
      "HPND-export-US",
      "HPND-export-US-acknowledgement",
      "HPND-export-US-modify",
      "HPND-export2-US",
      "HPND-merchantability-variant",
      "HPND-sell-MIT-disclaimer-xserver",
      "HPND-sell-regexpr",
      "HPND-sell-variant",
      "HPND-sell-variant-MIT-disclaimer",
      "HPND-sell-variant-MIT-disclaimer-rev",
      "HPND-sell-variant-critical-systems",
      "HTMLTIDY",
      "HaskellReport",
      "Hippocratic-2.1",
      "Hippocratic-3.0-core",
      "IBM-pibs",
      "ICU",
      "IEC-Code-Components-EULA",
      "IJG",
      "IJG-short",
      "IPA",
      "IPL-1.0",
      "ISC",
      "ISC-Veillard",
      "ISO-permission",
      "ImageMagick",
      "Imlib2",
      "Info-ZIP",
      "Informatica",
      "Inner-Net-2.0",
      "InnoSetup",
      "Intel",
      "Intel-ACPI",
      "Interbase-1.0",
      "JPL-image",
      "JPNIC",
      "JSON",
      "Jam",
      "JasPer-2.0",
      "Kastrup",
      "Kazlib",
      "Knuth-CTAN",
      "LAL-1.2",
      "LAL-1.3",
      "LGPL-2.0-only",
      "LGPL-2.0-or-later",
      "LGPL-2.1-only",
      "LGPL-2.1-or-later",
      "LGPL-3.0-only",
      "LGPL-3.0-or-later",
      "LGPLLR",
      "LOOP",
      "LPD-document",
      "LPL-1.0",
      "LPL-1.02",
      "LPPL-1.0",
      "LPPL-1.1",
      "LPPL-1.2",
      "LPPL-1.3a",
      "LPPL-1.3c",
      "LZMA-SDK-9.11-to-9.20",
      "LZMA-SDK-9.22",
      "Latex2e",
      "Latex2e-translated-notice",
      "Leptonica",
      "LiLiQ-P-1.1",
      "LiLiQ-R-1.1",
      "LiLiQ-Rplus-1.1",
      "Libpng",
      "Linux-OpenIB",
      "Linux-man-pages-1-para",
      "Linux-man-pages-copyleft",
      "Linux-man-pages-copyleft-2-para",
      "Linux-man-pages-copyleft-var",
      "Lucida-Bitmap-Fonts",
      "MIPS",
      "MIT",
      "MIT-0",
      "MIT-CMU",
      "MIT-Click",
      "MIT-Festival",
      "MIT-Khronos-old",
      "MIT-Modern-Variant",
      "MIT-STK",
      "MIT-Wu",
      "MIT-advertising",
      "MIT-enna",
      "MIT-feh",
      "MIT-open-group",
      "MIT-testregex",
      "MITNFA",
      "MMIXware",
      "MMPL-1.0.1",
      "MPEG-SSG",
      "MPL-1.0",
      "MPL-1.1",
      "MPL-2.0",
      "MPL-2.0-no-copyleft-exception",
      "MS-LPL",
      "MS-PL",
      "MS-RL",
      "MTLL",
      "MVT-1.1",
      "Mackerras-3-Clause",
      "Mackerras-3-Clause-acknowledgment",
      "MakeIndex",
      "Martin-Birgmeier",
      "McPhee-slideshow",
      "Minpack",
      "MirOS",
      "Motosoto",
      "MulanPSL-1.0",
      "MulanPSL-2.0",
      "Multics",
      "Mup",
      "NAIST-2003",
      "NASA-1.3",
      "NBPL-1.0",
      "NCBI-PD",
      "NCGL-UK-2.0",
      "NCL",
      "NCSA",
      "NGPL",
      "NICTA-1.0",
      "NIST-PD",
      "NIST-PD-TNT",
      "NIST-PD-fallback",
      "NIST-Software",
      "NLOD-1.0",
      "NLOD-2.0",
      "NLPL",
      "NOSL",
      "NPL-1.0",
      "NPL-1.1",
      "NPOSL-3.0",
      "NRL",
      "NTIA-PD",
      "NTP",
      "NTP-0",
      "Naumen",
      "NetCDF",
      "Newsletr",
      "Nokia",
      "Noweb",
      "O-UDA-1.0",
      "OAR",
      "OCCT-PL",
      "OCLC-2.0",
      "ODC-By-1.0",
      "ODbL-1.0",
      "OFFIS",
      "OFL-1.0",
      "OFL-1.0-RFN",
      "OFL-1.0-no-RFN",
      "OFL-1.1",
      "OFL-1.1-RFN",
      "OFL-1.1-no-RFN",
      "OGC-1.0",
      "OGDL-Taiwan-1.0",
      "OGL-Canada-2.0",
      "OGL-UK-1.0",
      "OGL-UK-2.0",
      "OGL-UK-3.0",
      "OGTSL",
      "OLDAP-1.1",
      "OLDAP-1.2",
      "OLDAP-1.3",
      "OLDAP-1.4",
      "OLDAP-2.0",
      "OLDAP-2.0.1",
      "OLDAP-2.1",
      "OLDAP-2.2",
      "OLDAP-2.2.1",
      "OLDAP-2.2.2",
      "OLDAP-2.3",
      "OLDAP-2.4",
      "OLDAP-2.5",
      "OLDAP-2.6",
      "OLDAP-2.7",
      "OLDAP-2.8",
      "OLFL-1.3",
      "OML",
      "OPL-1.0",
      "OPL-UK-3.0",
      "OPUBL-1.0",
      "OSC-1.0",
      "OSET-PL-2.1",
      "OSL-1.0",
      "OSL-1.1",
      "OSL-2.0",
      "OSL-2.1",
      "OSL-3.0",
      "OSSP",
      "OpenMDW-1.0",
      "OpenPBS-2.3",
      "OpenSSL",
      "OpenSSL-standalone",
      "OpenVision",
      "PADL",
      "PDDL-1.0",
      "PHP-3.0",
      "PHP-3.01",
      "PPL",
      "PSF-2.0",
      "ParaType-Free-Font-1.3",
      "Parity-6.0.0",
      "Parity-7.0.0",
      "Pixar",
      "Plexus",
      "PolyForm-Noncommercial-1.0.0",
      "PolyForm-Small-Business-1.0.0",
      "PostgreSQL",
      "Python-2.0",
      "Python-2.0.1",
      "QPL-1.0",
      "QPL-1.0-INRIA-2004",
      "Qhull",
      "RHeCos-1.1",
      "RPL-1.1",
      "RPL-1.5",
      "RPSL-1.0",
      "RSA-MD",
      "RSCPL",
      "Rdisc",
      "Ruby",
      "Ruby-pty",
      "SAX-PD",
      "SAX-PD-2.0",
      "SCEA",
      "SGI-B-1.0",
      "SGI-B-1.1",
      "SGI-B-2.0",
      "SGI-OpenGL",
      "SGMLUG-PM",
      "SGP4",
      "SHL-0.5",
      "SHL-0.51",
      "SISSL",
      "SISSL-1.2",
      "SL",
      "SMAIL-GPL",
      "SMLNJ",
      "SMPPL",
      "SNIA",
      "SOFA",
      "SPL-1.0",
      "SSH-OpenSSH",
      "SSH-short",
      "SSLeay-standalone",
      "SSPL-1.0",
      "SUL-1.0",
      "SWL",
      "Saxpath",
      "SchemeReport",
      "Sendmail",
      "Sendmail-8.23",
      "Sendmail-Open-Source-1.1",
      "SimPL-2.0",
      "Sleepycat",
      "Soundex",
      "Spencer-86",
      "Spencer-94",
      "Spencer-99",
      "SugarCRM-1.1.3",
      "Sun-PPP",
      "Sun-PPP-2000",
      "SunPro",
      "Symlinks",
      "TAPR-OHL-1.0",
      "TCL",
      "TCP-wrappers",
      "TGPPL-1.0",
      "TMate",
      "TORQUE-1.1",
      "TOSL",
      "TPDL",
      "TPL-1.0",
      "TTWL",
      "TTYP0",
      "TU-Berlin-1.0",
      "TU-Berlin-2.0",
      "TekHVC",
      "TermReadKey",
      "ThirdEye",
      "TrustedQSL",
      "UCAR",
      "UCL-1.0",
      "UMich-Merit",
      "UPL-1.0",
      "URT-RLE",
      "Ubuntu-font-1.0",
      "UnRAR",
      "Unicode-3.0",
      "Unicode-DFS-2015",
      "Unicode-DFS-2016",
      "Unicode-TOU",
      "UnixCrypt",
      "Unlicense",
      "Unlicense-libtelnet",
      "Unlicense-libwhirlpool",
      "VOSTROM",
      "VSL-1.0",
      "Vim",
      "Vixie-Cron",
      "W3C",
      "W3C-19980720",
      "W3C-20150513",
      "WTFNMFPL",
      "WTFPL",
      "Watcom-1.0",
      "Widget-Workshop",
      "WordNet",
      "Wsuipa",
      "X11",
      "X11-distribute-modifications-variant",
      "X11-no-permit-persons",
      "X11-swapped",
      "XFree86-1.1",
      "XSkat",
      "Xdebug-1.03",
      "Xerox",
      "Xfig",
      "Xnet",
      "YPL-1.0",
      "YPL-1.1",
      "ZPL-1.1",
      "ZPL-2.0",
      "ZPL-2.1",
      "Zed",
      "Zeeff",
      "Zend-2.0",
      "Zimbra-1.3",
      "Zimbra-1.4",
      "Zlib",
      "any-OSI",
      "any-OSI-perl-modules",
      "atc-game",
      "bcrypt-Solar-Designer",
      "blessing",
      "bzip2-1.0.6",
      "check-cvs",
      "checkmk",
      "copyleft-next-0.3.0",
      "copyleft-next-0.3.1",
      "curl",
      "cve-tou",
      "diffmark",
      "dtoa",
      "dvipdfm",
      "eGenix",
      "etalab-2.0",
      "fwlw",
      "gSOAP-1.3b",
      "generic-xts",
      "gnuplot",
      "gtkbook",
      "hdparm",
      "hyphen-bulgarian",
      "iMatix",
      "jove",
      "libpng-1.6.35",
      "libpng-2.0",
      "libselinux-1.0",
      "libtiff",
      "libutil-David-Nugent",
      "lsof",
      "magaz",
      "mailprio",
      "man2html",
      "metamail",
      "mpi-permissive",
      "mpich2",
      "mplus",
      "ngrep",
      "pkgconf",
      "pnmstitch",
      "psfrag",
      "psutils",
      "python-ldap",
      "radvd",
      "snprintf",
      "softSurfer",
      "ssh-keyscan",
      "swrule",
      "threeparttable",
      "ulem",
      "w3m",
      "wwl",
      "xinetd",
      "xkeyboard-config-Zinoviev",
      "xlock",
      "xpp",
      "xzoom",
      "zlib-acknowledgement"
    ];
  }
});

// node_modules/spdx-license-ids/deprecated.json
var require_deprecated = __commonJS({
  "node_modules/spdx-license-ids/deprecated.json"(exports, module) {
    module.exports = [
      "AGPL-1.0",
      "AGPL-3.0",
      "BSD-2-Clause-FreeBSD",
      "BSD-2-Clause-NetBSD",
      "GFDL-1.1",
      "GFDL-1.2",
      "GFDL-1.3",
      "GPL-1.0",
      "GPL-2.0",
      "GPL-2.0-with-GCC-exception",
      "GPL-2.0-with-autoconf-exception",
      "GPL-2.0-with-bison-exception",
      "GPL-2.0-with-classpath-exception",
      "GPL-2.0-with-font-exception",
      "GPL-3.0",
      "GPL-3.0-with-GCC-exception",
      "GPL-3.0-with-autoconf-exception",
      "LGPL-2.0",
      "LGPL-2.1",
      "LGPL-3.0",
      "Net-SNMP",
      "Nunit",
      "StandardML-NJ",
      "bzip2-1.0.5",
      "eCos-2.0",
      "wxWindows"
    ];
  }
});

// node_modules/spdx-exceptions/index.json
var require_spdx_exceptions = __commonJS({
  "node_modules/spdx-exceptions/index.json"(exports, module) {
    module.exports = [
      "389-exception",
      "Asterisk-exception",
      "Autoconf-exception-2.0",
      "Autoconf-exception-3.0",
      "Autoconf-exception-generic",
      "Autoconf-exception-generic-3.0",
      "Autoconf-exception-macro",
      "Bison-exception-1.24",
      "Bison-exception-2.2",
      "Bootloader-exception",
      "Classpath-exception-2.0",
      "CLISP-exception-2.0",
      "cryptsetup-OpenSSL-exception",
      "DigiRule-FOSS-exception",
      "eCos-exception-2.0",
      "Fawkes-Runtime-exception",
      "FLTK-exception",
      "fmt-exception",
      "Font-exception-2.0",
      "freertos-exception-2.0",
      "GCC-exception-2.0",
      "GCC-exception-2.0-note",
      "GCC-exception-3.1",
      "Gmsh-exception",
      "GNAT-exception",
      "GNOME-examples-exception",
      "GNU-compiler-exception",
      "gnu-javamail-exception",
      "GPL-3.0-interface-exception",
      "GPL-3.0-linking-exception",
      "GPL-3.0-linking-source-exception",
      "GPL-CC-1.0",
      "GStreamer-exception-2005",
      "GStreamer-exception-2008",
      "i2p-gpl-java-exception",
      "KiCad-libraries-exception",
      "LGPL-3.0-linking-exception",
      "libpri-OpenH323-exception",
      "Libtool-exception",
      "Linux-syscall-note",
      "LLGPL",
      "LLVM-exception",
      "LZMA-exception",
      "mif-exception",
      "OCaml-LGPL-linking-exception",
      "OCCT-exception-1.0",
      "OpenJDK-assembly-exception-1.0",
      "openvpn-openssl-exception",
      "PS-or-PDF-font-exception-20170817",
      "QPL-1.0-INRIA-2004-exception",
      "Qt-GPL-exception-1.0",
      "Qt-LGPL-exception-1.1",
      "Qwt-exception-1.0",
      "SANE-exception",
      "SHL-2.0",
      "SHL-2.1",
      "stunnel-exception",
      "SWI-exception",
      "Swift-exception",
      "Texinfo-exception",
      "u-boot-exception-2.0",
      "UBDL-exception",
      "Universal-FOSS-exception-1.0",
      "vsftpd-openssl-exception",
      "WxWindows-exception-3.1",
      "x11vnc-openssl-exception"
    ];
  }
});

// node_modules/spdx-expression-parse/scan.js
var require_scan = __commonJS({
  "node_modules/spdx-expression-parse/scan.js"(exports, module) {
    "use strict";
    var licenses = [].concat(require_spdx_license_ids()).concat(require_deprecated());
    var exceptions = require_spdx_exceptions();
    module.exports = function(source) {
      var index = 0;
      function hasMore() {
        return index < source.length;
      }
      function read(value) {
        if (value instanceof RegExp) {
          var chars = source.slice(index);
          var match = chars.match(value);
          if (match) {
            index += match[0].length;
            return match[0];
          }
        } else {
          if (source.indexOf(value, index) === index) {
            index += value.length;
            return value;
          }
        }
      }
      function skipWhitespace() {
        read(/[ ]*/);
      }
      function operator() {
        var string;
        var possibilities = [/^WITH/i, /^AND/i, /^OR/i, "(", ")", ":", "+"];
        for (var i = 0; i < possibilities.length; i++) {
          string = read(possibilities[i]);
          if (string) {
            break;
          }
        }
        if (string === "+" && index > 1 && source[index - 2] === " ") {
          throw new Error("Space before `+`");
        }
        return string && {
          type: "OPERATOR",
          string: string.toUpperCase()
        };
      }
      function idstring() {
        return read(/[A-Za-z0-9-.]+/);
      }
      function expectIdstring() {
        var string = idstring();
        if (!string) {
          throw new Error("Expected idstring at offset " + index);
        }
        return string;
      }
      function documentRef() {
        if (read("DocumentRef-")) {
          var string = expectIdstring();
          return { type: "DOCUMENTREF", string };
        }
      }
      function licenseRef() {
        if (read("LicenseRef-")) {
          var string = expectIdstring();
          return { type: "LICENSEREF", string };
        }
      }
      function identifier() {
        var begin = index;
        var string = idstring();
        if (licenses.indexOf(string) !== -1) {
          return {
            type: "LICENSE",
            string
          };
        } else if (exceptions.indexOf(string) !== -1) {
          return {
            type: "EXCEPTION",
            string
          };
        }
        index = begin;
      }
      function parseToken() {
        return operator() || documentRef() || licenseRef() || identifier();
      }
      var tokens = [];
      while (hasMore()) {
        skipWhitespace();
        if (!hasMore()) {
          break;
        }
        var token = parseToken();
        if (!token) {
          throw new Error("Unexpected `" + source[index] + "` at offset " + index);
        }
        tokens.push(token);
      }
      return tokens;
    };
  }
});

// node_modules/spdx-expression-parse/parse.js
var require_parse = __commonJS({
  "node_modules/spdx-expression-parse/parse.js"(exports, module) {
    "use strict";
    module.exports = function(tokens) {
      var index = 0;
      function hasMore() {
        return index < tokens.length;
      }
      function token() {
        return hasMore() ? tokens[index] : null;
      }
      function next() {
        if (!hasMore()) {
          throw new Error();
        }
        index++;
      }
      function parseOperator(operator) {
        var t = token();
        if (t && t.type === "OPERATOR" && operator === t.string) {
          next();
          return t.string;
        }
      }
      function parseWith() {
        if (parseOperator("WITH")) {
          var t = token();
          if (t && t.type === "EXCEPTION") {
            next();
            return t.string;
          }
          throw new Error("Expected exception after `WITH`");
        }
      }
      function parseLicenseRef() {
        var begin = index;
        var string = "";
        var t = token();
        if (t.type === "DOCUMENTREF") {
          next();
          string += "DocumentRef-" + t.string + ":";
          if (!parseOperator(":")) {
            throw new Error("Expected `:` after `DocumentRef-...`");
          }
        }
        t = token();
        if (t === null) {
          throw new Error("Unexpected end of input");
        }
        if (t.type === "LICENSEREF") {
          next();
          string += "LicenseRef-" + t.string;
          var node2 = { license: string };
          var exception = parseWith();
          if (exception) {
            node2.exception = exception;
          }
          return node2;
        }
        index = begin;
      }
      function parseLicense() {
        var t = token();
        if (t && t.type === "LICENSE") {
          next();
          var node2 = { license: t.string };
          if (parseOperator("+")) {
            node2.plus = true;
          }
          var exception = parseWith();
          if (exception) {
            node2.exception = exception;
          }
          return node2;
        }
      }
      function parseParenthesizedExpression() {
        var left = parseOperator("(");
        if (!left) {
          return;
        }
        var expr = parseExpression();
        if (!parseOperator(")")) {
          throw new Error("Expected `)`");
        }
        return expr;
      }
      function parseAtom() {
        return parseParenthesizedExpression() || parseLicenseRef() || parseLicense();
      }
      function makeBinaryOpParser(operator, nextParser) {
        return function parseBinaryOp() {
          var left = nextParser();
          if (!left) {
            return;
          }
          if (!parseOperator(operator)) {
            return left;
          }
          var right = parseBinaryOp();
          if (!right) {
            throw new Error("Expected expression");
          }
          return {
            left,
            conjunction: operator.toLowerCase(),
            right
          };
        };
      }
      var parseAnd = makeBinaryOpParser("AND", parseAtom);
      var parseExpression = makeBinaryOpParser("OR", parseAnd);
      var node = parseExpression();
      if (!node || hasMore()) {
        throw new Error("Syntax error");
      }
      return node;
    };
  }
});

// node_modules/spdx-expression-parse/index.js
var require_spdx_expression_parse = __commonJS({
  "node_modules/spdx-expression-parse/index.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    module.exports = function(source) {
      return parse(scan(source));
    };
  }
});

// node_modules/pend/index.js
var require_pend = __commonJS({
  "node_modules/pend/index.js"(exports, module) {
    module.exports = Pend;
    function Pend() {
      this.pending = 0;
      this.max = Infinity;
      this.listeners = [];
      this.waiting = [];
      this.error = null;
    }
    Pend.prototype.go = function(fn) {
      if (this.pending < this.max) {
        pendGo(this, fn);
      } else {
        this.waiting.push(fn);
      }
    };
    Pend.prototype.wait = function(cb) {
      if (this.pending === 0) {
        cb(this.error);
      } else {
        this.listeners.push(cb);
      }
    };
    Pend.prototype.hold = function() {
      return pendHold(this);
    };
    function pendHold(self) {
      self.pending += 1;
      var called = false;
      return onCb;
      function onCb(err) {
        if (called) throw new Error("callback called twice");
        called = true;
        self.error = self.error || err;
        self.pending -= 1;
        if (self.waiting.length > 0 && self.pending < self.max) {
          pendGo(self, self.waiting.shift());
        } else if (self.pending === 0) {
          var listeners = self.listeners;
          self.listeners = [];
          listeners.forEach(cbListener);
        }
      }
      function cbListener(listener) {
        listener(self.error);
      }
    }
    function pendGo(self, fn) {
      fn(pendHold(self));
    }
  }
});

// node_modules/yauzl/fd-slicer.js
var require_fd_slicer = __commonJS({
  "node_modules/yauzl/fd-slicer.js"(exports) {
    var fs = __require("fs");
    var util = __require("util");
    var stream = __require("stream");
    var Readable = stream.Readable;
    var PassThrough = stream.PassThrough;
    var Pend = require_pend();
    var EventEmitter = __require("events").EventEmitter;
    exports.BufferSlicer = BufferSlicer;
    exports.FdSlicer = FdSlicer;
    util.inherits(FdSlicer, EventEmitter);
    function FdSlicer(fd) {
      EventEmitter.call(this);
      this.fd = fd;
      this.pend = new Pend();
      this.pend.max = 1;
      this.refCount = 0;
    }
    FdSlicer.prototype.read = function(buffer, offset, length, position, callback) {
      var self = this;
      self.pend.go(function(cb) {
        fs.read(self.fd, buffer, offset, length, position, function(err, bytesRead, buffer2) {
          cb();
          callback(err, bytesRead, buffer2);
        });
      });
    };
    FdSlicer.prototype.createReadStream = function(options2) {
      return new ReadStream(this, options2);
    };
    FdSlicer.prototype.ref = function() {
      this.refCount += 1;
    };
    FdSlicer.prototype.unref = function() {
      var self = this;
      self.refCount -= 1;
      if (self.refCount < 0) throw new Error("invalid unref");
      if (self.refCount > 0) return;
      fs.close(self.fd, onCloseDone);
      function onCloseDone(err) {
        if (err) {
          self.emit("error", err);
        } else {
          self.emit("close");
        }
      }
    };
    util.inherits(ReadStream, Readable);
    function ReadStream(context, options2) {
      options2 = options2 || {};
      Readable.call(this, options2);
      this.context = context;
      this.context.ref();
      this.start = options2.start || 0;
      this.endOffset = options2.end;
      this.pos = this.start;
    }
    ReadStream.prototype._read = function(n) {
      var self = this;
      var toRead = Math.min(self._readableState.highWaterMark, n);
      if (self.endOffset != null) {
        toRead = Math.min(toRead, self.endOffset - self.pos);
      }
      if (toRead <= 0) {
        self.push(null);
        this._cleanup();
        return;
      }
      self.context.pend.go(function(cb) {
        var buffer = Buffer.allocUnsafe(toRead);
        fs.read(self.context.fd, buffer, 0, toRead, self.pos, function(err, bytesRead) {
          if (err) {
            self.destroy(err);
          } else if (bytesRead === 0) {
            self.push(null);
            self._cleanup();
          } else {
            self.pos += bytesRead;
            self.push(buffer.slice(0, bytesRead));
          }
          cb();
        });
      });
    };
    ReadStream.prototype._destroy = function(err, cb) {
      this._cleanup();
      cb(err);
    };
    ReadStream.prototype._cleanup = function() {
      if (this.context != null) {
        this.context.unref();
        this.context = null;
      }
    };
    util.inherits(BufferSlicer, EventEmitter);
    function BufferSlicer(buffer) {
      EventEmitter.call(this);
      this.refCount = 0;
      this.buffer = buffer;
    }
    BufferSlicer.prototype.read = function(buffer, offset, length, position, callback) {
      if (!(0 <= offset && offset <= buffer.length)) throw new RangeError("offset outside buffer: 0 <= " + offset + " <= " + buffer.length);
      if (position < 0) throw new RangeError("position is negative: " + position);
      if (offset + length > buffer.length) {
        length = buffer.length - offset;
      }
      if (position + length > this.buffer.length) {
        length = this.buffer.length - position;
      }
      if (length <= 0) {
        setImmediate(function() {
          callback(null, 0);
        });
        return;
      }
      this.buffer.copy(buffer, offset, position, position + length);
      setImmediate(function() {
        callback(null, length);
      });
    };
    BufferSlicer.prototype.createReadStream = function(options2) {
      options2 = options2 || {};
      var readStream = new PassThrough(options2);
      readStream.start = options2.start || 0;
      readStream.endOffset = options2.end;
      readStream.pos = readStream.endOffset || this.buffer.length;
      var entireSlice = this.buffer.slice(readStream.start, readStream.pos);
      var maxChunkSize = 65536;
      var offset = 0;
      while (true) {
        var nextOffset = offset + maxChunkSize;
        if (nextOffset >= entireSlice.length) {
          if (offset < entireSlice.length) {
            readStream.write(entireSlice.slice(offset, entireSlice.length));
          }
          break;
        }
        readStream.write(entireSlice.slice(offset, nextOffset));
        offset = nextOffset;
      }
      readStream.end();
      return readStream;
    };
    BufferSlicer.prototype.ref = function() {
      this.refCount += 1;
    };
    BufferSlicer.prototype.unref = function() {
      this.refCount -= 1;
      if (this.refCount < 0) {
        throw new Error("invalid unref");
      }
    };
  }
});

// node_modules/yauzl/crc32.js
var require_crc32 = __commonJS({
  "node_modules/yauzl/crc32.js"(exports, module) {
    var CRC_TABLE = new Int32Array([
      0,
      1996959894,
      3993919788,
      2567524794,
      124634137,
      1886057615,
      3915621685,
      2657392035,
      249268274,
      2044508324,
      3772115230,
      2547177864,
      162941995,
      2125561021,
      3887607047,
      2428444049,
      498536548,
      1789927666,
      4089016648,
      2227061214,
      450548861,
      1843258603,
      4107580753,
      2211677639,
      325883990,
      1684777152,
      4251122042,
      2321926636,
      335633487,
      1661365465,
      4195302755,
      2366115317,
      997073096,
      1281953886,
      3579855332,
      2724688242,
      1006888145,
      1258607687,
      3524101629,
      2768942443,
      901097722,
      1119000684,
      3686517206,
      2898065728,
      853044451,
      1172266101,
      3705015759,
      2882616665,
      651767980,
      1373503546,
      3369554304,
      3218104598,
      565507253,
      1454621731,
      3485111705,
      3099436303,
      671266974,
      1594198024,
      3322730930,
      2970347812,
      795835527,
      1483230225,
      3244367275,
      3060149565,
      1994146192,
      31158534,
      2563907772,
      4023717930,
      1907459465,
      112637215,
      2680153253,
      3904427059,
      2013776290,
      251722036,
      2517215374,
      3775830040,
      2137656763,
      141376813,
      2439277719,
      3865271297,
      1802195444,
      476864866,
      2238001368,
      4066508878,
      1812370925,
      453092731,
      2181625025,
      4111451223,
      1706088902,
      314042704,
      2344532202,
      4240017532,
      1658658271,
      366619977,
      2362670323,
      4224994405,
      1303535960,
      984961486,
      2747007092,
      3569037538,
      1256170817,
      1037604311,
      2765210733,
      3554079995,
      1131014506,
      879679996,
      2909243462,
      3663771856,
      1141124467,
      855842277,
      2852801631,
      3708648649,
      1342533948,
      654459306,
      3188396048,
      3373015174,
      1466479909,
      544179635,
      3110523913,
      3462522015,
      1591671054,
      702138776,
      2966460450,
      3352799412,
      1504918807,
      783551873,
      3082640443,
      3233442989,
      3988292384,
      2596254646,
      62317068,
      1957810842,
      3939845945,
      2647816111,
      81470997,
      1943803523,
      3814918930,
      2489596804,
      225274430,
      2053790376,
      3826175755,
      2466906013,
      167816743,
      2097651377,
      4027552580,
      2265490386,
      503444072,
      1762050814,
      4150417245,
      2154129355,
      426522225,
      1852507879,
      4275313526,
      2312317920,
      282753626,
      1742555852,
      4189708143,
      2394877945,
      397917763,
      1622183637,
      3604390888,
      2714866558,
      953729732,
      1340076626,
      3518719985,
      2797360999,
      1068828381,
      1219638859,
      3624741850,
      2936675148,
      906185462,
      1090812512,
      3747672003,
      2825379669,
      829329135,
      1181335161,
      3412177804,
      3160834842,
      628085408,
      1382605366,
      3423369109,
      3138078467,
      570562233,
      1426400815,
      3317316542,
      2998733608,
      733239954,
      1555261956,
      3268935591,
      3050360625,
      752459403,
      1541320221,
      2607071920,
      3965973030,
      1969922972,
      40735498,
      2617837225,
      3943577151,
      1913087877,
      83908371,
      2512341634,
      3803740692,
      2075208622,
      213261112,
      2463272603,
      3855990285,
      2094854071,
      198958881,
      2262029012,
      4057260610,
      1759359992,
      534414190,
      2176718541,
      4139329115,
      1873836001,
      414664567,
      2282248934,
      4279200368,
      1711684554,
      285281116,
      2405801727,
      4167216745,
      1634467795,
      376229701,
      2685067896,
      3608007406,
      1308918612,
      956543938,
      2808555105,
      3495958263,
      1231636301,
      1047427035,
      2932959818,
      3654703836,
      1088359270,
      936918e3,
      2847714899,
      3736837829,
      1202900863,
      817233897,
      3183342108,
      3401237130,
      1404277552,
      615818150,
      3134207493,
      3453421203,
      1423857449,
      601450431,
      3009837614,
      3294710456,
      1567103746,
      711928724,
      3020668471,
      3272380065,
      1510334235,
      755167117
    ]);
    function crc32(buf) {
      let crc = -1;
      for (let x of buf) {
        crc = CRC_TABLE[(crc ^ x) & 255] ^ crc >>> 8;
      }
      return (crc ^ -1) >>> 0;
    }
    module.exports = crc32;
  }
});

// node_modules/yauzl/index.js
var require_yauzl = __commonJS({
  "node_modules/yauzl/index.js"(exports) {
    var fs = __require("fs");
    var zlib = __require("zlib");
    var fd_slicer = require_fd_slicer();
    var util = __require("util");
    var EventEmitter = __require("events").EventEmitter;
    var Transform = __require("stream").Transform;
    var PassThrough = __require("stream").PassThrough;
    var Writable = __require("stream").Writable;
    var crc32 = typeof zlib.crc32 === "function" ? zlib.crc32 : require_crc32();
    exports.open = open;
    exports.fromFd = fromFd;
    exports.fromBuffer = fromBuffer;
    exports.fromRandomAccessReader = fromRandomAccessReader;
    exports.openPromise = openPromise;
    exports.fromFdPromise = fromFdPromise;
    exports.fromBufferPromise = fromBufferPromise;
    exports.fromRandomAccessReaderPromise = fromRandomAccessReaderPromise;
    exports.dosDateTimeToDate = dosDateTimeToDate;
    exports.getFileNameLowLevel = getFileNameLowLevel;
    exports.validateFileName = validateFileName;
    exports.parseExtraFields = parseExtraFields;
    exports.ZipFile = ZipFile;
    exports.Entry = Entry;
    exports.LocalFileHeader = LocalFileHeader;
    exports.RandomAccessReader = RandomAccessReader;
    function openPromise(path, options2) {
      return new Promise((resolve, reject) => {
        open(path, { ...options2, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve(zipfile);
        });
      });
    }
    function fromFdPromise(fd, options2) {
      return new Promise((resolve, reject) => {
        fromFd(fd, { ...options2, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve(zipfile);
        });
      });
    }
    function fromBufferPromise(buffer, options2) {
      return new Promise((resolve, reject) => {
        fromBuffer(buffer, { ...options2, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve(zipfile);
        });
      });
    }
    function fromRandomAccessReaderPromise(reader, totalSize, options2) {
      return new Promise((resolve, reject) => {
        fromRandomAccessReader(reader, totalSize, { ...options2, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve(zipfile);
        });
      });
    }
    function open(path, options2, callback) {
      if (typeof options2 === "function") {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      if (options2.autoClose == null) options2.autoClose = true;
      if (options2.lazyEntries == null) options2.lazyEntries = false;
      if (options2.decodeStrings == null) options2.decodeStrings = true;
      if (options2.validateEntrySizes == null) options2.validateEntrySizes = true;
      if (options2.strictFileNames == null) options2.strictFileNames = false;
      if (callback == null) callback = defaultCallback;
      fs.open(path, "r", function(err, fd) {
        if (err) return callback(err);
        fromFd(fd, options2, function(err2, zipfile) {
          if (err2) fs.close(fd, defaultCallback);
          callback(err2, zipfile);
        });
      });
    }
    function fromFd(fd, options2, callback) {
      if (typeof options2 === "function") {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      if (options2.autoClose == null) options2.autoClose = false;
      if (options2.lazyEntries == null) options2.lazyEntries = false;
      if (options2.decodeStrings == null) options2.decodeStrings = true;
      if (options2.validateEntrySizes == null) options2.validateEntrySizes = true;
      if (options2.strictFileNames == null) options2.strictFileNames = false;
      if (callback == null) callback = defaultCallback;
      fs.fstat(fd, function(err, stats) {
        if (err) return callback(err);
        var reader = new fd_slicer.FdSlicer(fd);
        fromRandomAccessReader(reader, stats.size, options2, callback);
      });
    }
    function fromBuffer(buffer, options2, callback) {
      if (typeof options2 === "function") {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      options2.autoClose = false;
      if (options2.lazyEntries == null) options2.lazyEntries = false;
      if (options2.decodeStrings == null) options2.decodeStrings = true;
      if (options2.validateEntrySizes == null) options2.validateEntrySizes = true;
      if (options2.strictFileNames == null) options2.strictFileNames = false;
      var reader = new fd_slicer.BufferSlicer(buffer);
      fromRandomAccessReader(reader, buffer.length, options2, callback);
    }
    function fromRandomAccessReader(reader, totalSize, options2, callback) {
      if (typeof options2 === "function") {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      if (options2.autoClose == null) options2.autoClose = true;
      if (options2.lazyEntries == null) options2.lazyEntries = false;
      if (options2.decodeStrings == null) options2.decodeStrings = true;
      var decodeStrings = !!options2.decodeStrings;
      if (options2.validateEntrySizes == null) options2.validateEntrySizes = true;
      if (options2.strictFileNames == null) options2.strictFileNames = false;
      if (callback == null) callback = defaultCallback;
      if (typeof totalSize !== "number") throw new Error("expected totalSize parameter to be a number");
      if (totalSize > Number.MAX_SAFE_INTEGER) {
        throw new Error("zip file too large. only file sizes up to 2^52 are supported due to JavaScript's Number type being an IEEE 754 double.");
      }
      reader.ref();
      var eocdrWithoutCommentSize = 22;
      var zip64EocdlSize = 20;
      var maxCommentSize = 65535;
      var bufferSize = Math.min(zip64EocdlSize + eocdrWithoutCommentSize + maxCommentSize, totalSize);
      var buffer = newBuffer(bufferSize);
      var bufferReadStart = totalSize - buffer.length;
      readAndAssertNoEof(reader, buffer, 0, bufferSize, bufferReadStart, function(err) {
        if (err) return callback(err);
        for (var i = bufferSize - eocdrWithoutCommentSize; i >= 0; i -= 1) {
          if (buffer.readUInt32LE(i) !== 101010256) continue;
          var eocdrBuffer = buffer.subarray(i);
          var diskNumber = eocdrBuffer.readUInt16LE(4);
          var entryCount = eocdrBuffer.readUInt16LE(10);
          var centralDirectoryOffset = eocdrBuffer.readUInt32LE(16);
          var commentLength = eocdrBuffer.readUInt16LE(20);
          var expectedCommentLength = eocdrBuffer.length - eocdrWithoutCommentSize;
          if (commentLength !== expectedCommentLength) {
            return callback(new Error("Invalid comment length. Expected: " + expectedCommentLength + ". Found: " + commentLength + ". Are there extra bytes at the end of the file? Or is the end of central dir signature `PK\u263A\u263B` in the comment?"));
          }
          var comment = decodeStrings ? decodeBuffer(eocdrBuffer.subarray(22), false) : eocdrBuffer.subarray(22);
          if (i - zip64EocdlSize >= 0 && buffer.readUInt32LE(i - zip64EocdlSize) === 117853008) {
            var zip64EocdlBuffer = buffer.subarray(i - zip64EocdlSize, i - zip64EocdlSize + zip64EocdlSize);
            var zip64EocdrOffset = readUInt64LE(zip64EocdlBuffer, 8);
            var zip64EocdrBuffer = newBuffer(56);
            return readAndAssertNoEof(reader, zip64EocdrBuffer, 0, zip64EocdrBuffer.length, zip64EocdrOffset, function(err2) {
              if (err2) return callback(err2);
              if (zip64EocdrBuffer.readUInt32LE(0) !== 101075792) {
                return callback(new Error("invalid zip64 end of central directory record signature"));
              }
              diskNumber = zip64EocdrBuffer.readUInt32LE(16);
              if (diskNumber !== 0) {
                return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
              }
              entryCount = readUInt64LE(zip64EocdrBuffer, 32);
              centralDirectoryOffset = readUInt64LE(zip64EocdrBuffer, 48);
              return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options2.autoClose, options2.lazyEntries, decodeStrings, options2.validateEntrySizes, options2.strictFileNames));
            });
          }
          if (diskNumber !== 0) {
            return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
          }
          return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options2.autoClose, options2.lazyEntries, decodeStrings, options2.validateEntrySizes, options2.strictFileNames));
        }
        callback(new Error("End of central directory record signature not found. Either not a zip file, or file is truncated."));
      });
    }
    util.inherits(ZipFile, EventEmitter);
    function ZipFile(reader, centralDirectoryOffset, fileSize, entryCount, comment, autoClose, lazyEntries, decodeStrings, validateEntrySizes, strictFileNames) {
      var self = this;
      EventEmitter.call(self);
      self.reader = reader;
      self.reader.on("error", function(err) {
        emitError(self, err);
      });
      self.reader.once("close", function() {
        self.emit("close");
      });
      self.readEntryCursor = centralDirectoryOffset;
      self.fileSize = fileSize;
      self.entryCount = entryCount;
      self.comment = comment;
      self.entriesRead = 0;
      self.autoClose = !!autoClose;
      self.lazyEntries = !!lazyEntries;
      self.decodeStrings = !!decodeStrings;
      self.validateEntrySizes = !!validateEntrySizes;
      self.strictFileNames = !!strictFileNames;
      self.isOpen = true;
      self.emittedError = false;
      self.hasEachEntryBeenCalled = false;
      if (!self.lazyEntries) self._readEntry();
    }
    ZipFile.prototype.close = function() {
      if (!this.isOpen) return;
      this.isOpen = false;
      this.reader.unref();
    };
    function emitErrorAndAutoClose(self, err) {
      if (self.autoClose) self.close();
      emitError(self, err);
    }
    function emitError(self, err) {
      if (self.emittedError) return;
      self.emittedError = true;
      self.emit("error", err);
    }
    ZipFile.prototype.readEntry = function() {
      if (!this.lazyEntries) throw new Error("readEntry() called without lazyEntries:true");
      this._readEntry();
    };
    ZipFile.prototype._readEntry = function() {
      var self = this;
      if (self.entryCount === self.entriesRead) {
        setImmediate(function() {
          if (self.autoClose) self.close();
          if (self.emittedError) return;
          self.emit("end");
        });
        return;
      }
      if (self.emittedError) return;
      var buffer = newBuffer(46);
      readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err) {
        if (err) return emitErrorAndAutoClose(self, err);
        if (self.emittedError) return;
        var entry = new Entry();
        var signature = buffer.readUInt32LE(0);
        if (signature !== 33639248) return emitErrorAndAutoClose(self, new Error("invalid central directory file header signature: 0x" + signature.toString(16)));
        entry.versionMadeBy = buffer.readUInt16LE(4);
        entry.versionNeededToExtract = buffer.readUInt16LE(6);
        entry.generalPurposeBitFlag = buffer.readUInt16LE(8);
        entry.compressionMethod = buffer.readUInt16LE(10);
        entry.lastModFileTime = buffer.readUInt16LE(12);
        entry.lastModFileDate = buffer.readUInt16LE(14);
        entry.crc32 = buffer.readUInt32LE(16);
        entry.compressedSize = buffer.readUInt32LE(20);
        entry.uncompressedSize = buffer.readUInt32LE(24);
        entry.fileNameLength = buffer.readUInt16LE(28);
        entry.extraFieldLength = buffer.readUInt16LE(30);
        entry.fileCommentLength = buffer.readUInt16LE(32);
        entry.internalFileAttributes = buffer.readUInt16LE(36);
        entry.externalFileAttributes = buffer.readUInt32LE(38);
        entry.relativeOffsetOfLocalHeader = buffer.readUInt32LE(42);
        if (entry.generalPurposeBitFlag & 64) return emitErrorAndAutoClose(self, new Error("strong encryption is not supported"));
        self.readEntryCursor += 46;
        buffer = newBuffer(entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength);
        readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err2) {
          if (err2) return emitErrorAndAutoClose(self, err2);
          if (self.emittedError) return;
          entry.fileNameRaw = buffer.subarray(0, entry.fileNameLength);
          var fileCommentStart = entry.fileNameLength + entry.extraFieldLength;
          entry.extraFieldRaw = buffer.subarray(entry.fileNameLength, fileCommentStart);
          entry.fileCommentRaw = buffer.subarray(fileCommentStart, fileCommentStart + entry.fileCommentLength);
          try {
            entry.extraFields = parseExtraFields(entry.extraFieldRaw);
          } catch (err3) {
            return emitErrorAndAutoClose(self, err3);
          }
          if (self.decodeStrings) {
            var isUtf8 = (entry.generalPurposeBitFlag & 2048) !== 0;
            entry.fileComment = decodeBuffer(entry.fileCommentRaw, isUtf8);
            entry.fileName = getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, self.strictFileNames);
            var errorMessage = validateFileName(entry.fileName);
            if (errorMessage != null) return emitErrorAndAutoClose(self, new Error(errorMessage));
          } else {
            entry.fileComment = entry.fileCommentRaw;
            entry.fileName = entry.fileNameRaw;
          }
          entry.comment = entry.fileComment;
          self.readEntryCursor += buffer.length;
          self.entriesRead += 1;
          for (var i = 0; i < entry.extraFields.length; i++) {
            var extraField = entry.extraFields[i];
            if (extraField.id !== 1) continue;
            var zip64EiefBuffer = extraField.data;
            var index = 0;
            if (entry.uncompressedSize === 4294967295) {
              if (index + 8 > zip64EiefBuffer.length) {
                return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include uncompressed size"));
              }
              entry.uncompressedSize = readUInt64LE(zip64EiefBuffer, index);
              index += 8;
            }
            if (entry.compressedSize === 4294967295) {
              if (index + 8 > zip64EiefBuffer.length) {
                return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include compressed size"));
              }
              entry.compressedSize = readUInt64LE(zip64EiefBuffer, index);
              index += 8;
            }
            if (entry.relativeOffsetOfLocalHeader === 4294967295) {
              if (index + 8 > zip64EiefBuffer.length) {
                return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include relative header offset"));
              }
              entry.relativeOffsetOfLocalHeader = readUInt64LE(zip64EiefBuffer, index);
              index += 8;
            }
            break;
          }
          if (self.validateEntrySizes && entry.compressionMethod === 0) {
            var expectedCompressedSize = entry.uncompressedSize;
            if (entry.isEncrypted()) {
              expectedCompressedSize += 12;
            }
            if (entry.compressedSize !== expectedCompressedSize) {
              var msg = "compressed/uncompressed size mismatch for stored file: " + entry.compressedSize + " != " + entry.uncompressedSize;
              return emitErrorAndAutoClose(self, new Error(msg));
            }
          }
          self.emit("entry", entry);
          if (!self.lazyEntries) self._readEntry();
        });
      });
    };
    ZipFile.prototype.eachEntry = function() {
      const self = this;
      if (!self.lazyEntries) throw new Error("eachEntry() requires lazyEntries: true");
      if (self.hasEachEntryBeenCalled) throw new Error("eachEntry() must only be called once per ZipFile");
      self.hasEachEntryBeenCalled = true;
      let pendingResolveReject = null;
      self.on("entry", onEntry);
      self.on("end", onEnd);
      self.on("error", onError);
      function cleanup() {
        self.removeListener("entry", onEntry);
        self.removeListener("end", onEnd);
        self.removeListener("error", onError);
        if (self.autoClose) self.close();
      }
      function onEntry(entry) {
        let { resolve } = pendingResolveReject;
        pendingResolveReject = null;
        resolve({ value: entry });
      }
      function onEnd() {
        let { resolve } = pendingResolveReject;
        pendingResolveReject = null;
        cleanup();
        resolve({ done: true });
      }
      function onError(err) {
        let { reject } = pendingResolveReject;
        pendingResolveReject = null;
        cleanup();
        reject(err);
      }
      return {
        [Symbol.asyncIterator]() {
          return this;
        },
        next() {
          const promise = new Promise((resolve, reject) => {
            if (pendingResolveReject != null) throw new Error("next() called before previous Promise was resolved.");
            pendingResolveReject = { resolve, reject };
          });
          self.readEntry();
          return promise;
        },
        return(value) {
          cleanup();
          return Promise.resolve({ done: true, value });
        },
        throw(value) {
          cleanup();
          return Promise.reject(value);
        }
      };
    };
    ZipFile.prototype.openReadStream = function(entry, options2, callback) {
      var self = this;
      var relativeStart = 0;
      var relativeEnd = entry.compressedSize;
      if (callback == null) {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) {
        options2 = {};
      } else {
        if (options2.decodeFileData === false) {
          if (options2.decrypt != null) {
            throw new Error("cannot use options.decrypt when options.decodeFileData === false");
          }
          if (options2.decompress != null) {
            throw new Error("cannot use options.decompress when options.decodeFileData === false");
          }
        } else {
          if (options2.decrypt != null) {
            if (!entry.isEncrypted()) {
              throw new Error("options.decrypt can only be specified for encrypted entries. See also option decodeFileData.");
            }
            if (options2.decrypt !== false) throw new Error("invalid options.decrypt value: " + options2.decrypt);
            if (entry.isCompressed()) {
              if (options2.decompress !== false) throw new Error("entry is encrypted and compressed, and options.decompress !== false. See also option decodeFileData.");
            }
          }
          if (options2.decompress != null) {
            if (!entry.isCompressed()) {
              throw new Error("options.decompress can only be specified for compressed entries. See also option decodeFileData.");
            }
            if (!(options2.decompress === false || options2.decompress === true)) {
              throw new Error("invalid options.decompress value: " + options2.decompress);
            }
            decompress = options2.decompress;
          }
        }
        if (options2.start != null) {
          relativeStart = options2.start;
          if (relativeStart < 0) throw new Error("options.start < 0");
          if (relativeStart > entry.compressedSize) throw new Error("options.start > entry.compressedSize");
        }
        if (options2.end != null) {
          relativeEnd = options2.end;
          if (relativeEnd < 0) throw new Error("options.end < 0");
          if (relativeEnd > entry.compressedSize) throw new Error("options.end > entry.compressedSize");
          if (relativeEnd < relativeStart) throw new Error("options.end < options.start");
        }
      }
      var rawMode = options2.decodeFileData === false || // Explicitly requested raw.
      (entry.compressionMethod === 0 || // Naturally without compression.
      entry.compressionMethod === 8 && options2.decompress === false) && (!entry.isEncrypted() || // Naturally without encryption.
      options2.decrypt === false);
      if (options2.start != null || options2.end != null) {
        if (!rawMode) throw new Error("start/end range require options.decodeFileData === false for non-trivial encoded entries.");
      }
      if (!self.isOpen) return callback(new Error("closed"));
      if (entry.isEncrypted() && !rawMode) {
        if (options2.decrypt !== false) return callback(new Error("entry is encrypted, and options.decodeFileData !== false"));
      }
      var decompress;
      if (rawMode) {
        decompress = false;
      } else if (entry.compressionMethod === 8) {
        decompress = options2.decodeFileData !== true;
      } else {
        return callback(new Error("unsupported compression method: " + entry.compressionMethod));
      }
      self.readLocalFileHeader(entry, { minimal: true }, function(err, localFileHeader) {
        if (err) return callback(err);
        self.openReadStreamLowLevel(
          localFileHeader.fileDataStart,
          entry.compressedSize,
          relativeStart,
          relativeEnd,
          decompress,
          entry.uncompressedSize,
          callback
        );
      });
    };
    ZipFile.prototype.openReadStreamLowLevel = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, callback) {
      var self = this;
      var fileDataEnd = fileDataStart + compressedSize;
      var readStream = self.reader.createReadStream({
        start: fileDataStart + relativeStart,
        end: fileDataStart + relativeEnd
      });
      var endpointStream = readStream;
      if (decompress) {
        var destroyed = false;
        var inflateFilter = zlib.createInflateRaw();
        readStream.on("error", function(err) {
          setImmediate(function() {
            if (!destroyed) inflateFilter.emit("error", err);
          });
        });
        readStream.pipe(inflateFilter);
        if (self.validateEntrySizes) {
          endpointStream = new AssertByteCountStream(uncompressedSize);
          inflateFilter.on("error", function(err) {
            setImmediate(function() {
              if (!destroyed) endpointStream.emit("error", err);
            });
          });
          inflateFilter.pipe(endpointStream);
        } else {
          endpointStream = inflateFilter;
        }
        installDestroyFn(endpointStream, function() {
          destroyed = true;
          if (inflateFilter !== endpointStream) inflateFilter.unpipe(endpointStream);
          readStream.unpipe(inflateFilter);
          readStream.destroy();
        });
      }
      callback(null, endpointStream);
    };
    ZipFile.prototype.readLocalFileHeader = function(entry, options2, callback) {
      var self = this;
      if (callback == null) {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      self.reader.ref();
      var buffer = newBuffer(30);
      readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader, function(err) {
        try {
          if (err) return callback(err);
          var signature = buffer.readUInt32LE(0);
          if (signature !== 67324752) {
            return callback(new Error("invalid local file header signature: 0x" + signature.toString(16)));
          }
          var fileNameLength = buffer.readUInt16LE(26);
          var extraFieldLength = buffer.readUInt16LE(28);
          var fileDataStart = entry.relativeOffsetOfLocalHeader + 30 + fileNameLength + extraFieldLength;
          if (fileDataStart + entry.compressedSize > self.fileSize) {
            return callback(new Error("file data overflows file bounds: " + fileDataStart + " + " + entry.compressedSize + " > " + self.fileSize));
          }
          if (options2.minimal) {
            return callback(null, { fileDataStart });
          }
          var localFileHeader = new LocalFileHeader();
          localFileHeader.fileDataStart = fileDataStart;
          localFileHeader.versionNeededToExtract = buffer.readUInt16LE(4);
          localFileHeader.generalPurposeBitFlag = buffer.readUInt16LE(6);
          localFileHeader.compressionMethod = buffer.readUInt16LE(8);
          localFileHeader.lastModFileTime = buffer.readUInt16LE(10);
          localFileHeader.lastModFileDate = buffer.readUInt16LE(12);
          localFileHeader.crc32 = buffer.readUInt32LE(14);
          localFileHeader.compressedSize = buffer.readUInt32LE(18);
          localFileHeader.uncompressedSize = buffer.readUInt32LE(22);
          localFileHeader.fileNameLength = fileNameLength;
          localFileHeader.extraFieldLength = extraFieldLength;
          buffer = newBuffer(fileNameLength + extraFieldLength);
          self.reader.ref();
          readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader + 30, function(err2) {
            try {
              if (err2) return callback(err2);
              localFileHeader.fileName = buffer.subarray(0, fileNameLength);
              localFileHeader.extraField = buffer.subarray(fileNameLength);
              return callback(null, localFileHeader);
            } finally {
              self.reader.unref();
            }
          });
        } finally {
          self.reader.unref();
        }
      });
    };
    ZipFile.prototype.openReadStreamPromise = function(entry, options2) {
      return new Promise((resolve, reject) => {
        this.openReadStream(entry, options2, function(err, readStream) {
          if (err) return reject(err);
          resolve(readStream);
        });
      });
    };
    ZipFile.prototype.openReadStreamLowLevelPromise = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize) {
      return new Promise((resolve, reject) => {
        this.openReadStream(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, function(err, readStream) {
          if (err) return reject(err);
          resolve(readStream);
        });
      });
    };
    ZipFile.prototype.readLocalFileHeaderPromise = function(entry, options2) {
      return new Promise((resolve, reject) => {
        this.readLocalFileHeader(entry, options2, function(err, localFileHeader) {
          if (err) return reject(err);
          resolve(localFileHeader);
        });
      });
    };
    function Entry() {
    }
    Entry.prototype.getLastModDate = function(options2) {
      if (options2 == null) options2 = {};
      if (!options2.forceDosFormat) {
        for (var i = 0; i < this.extraFields.length; i++) {
          var extraField = this.extraFields[i];
          if (extraField.id === 21589) {
            var data = extraField.data;
            if (data.length < 5) continue;
            var flags = data[0];
            var HAS_MTIME = 1;
            if (!(flags & HAS_MTIME)) continue;
            var posixTimestamp = data.readInt32LE(1);
            return new Date(posixTimestamp * 1e3);
          } else if (extraField.id === 10) {
            var data = extraField.data;
            if (data.length !== 32) continue;
            if (data.readUInt16LE(4) !== 1) continue;
            if (data.readUInt16LE(6) !== 24) continue;
            var hundredNanoSecondsSince1601 = data.readUInt32LE(8) + 4294967296 * data.readInt32LE(12);
            var millisecondsSince1970 = hundredNanoSecondsSince1601 / 1e4 - 116444736e5;
            return new Date(millisecondsSince1970);
          }
        }
      }
      return dosDateTimeToDate(this.lastModFileDate, this.lastModFileTime, options2.timezone);
    };
    Entry.prototype.canDecodeFileData = function() {
      return !this.isEncrypted() && (this.compressionMethod === 0 || this.compressionMethod === 8);
    };
    Entry.prototype.isEncrypted = function() {
      return (this.generalPurposeBitFlag & 1) !== 0;
    };
    Entry.prototype.isCompressed = function() {
      return this.compressionMethod === 8;
    };
    function LocalFileHeader() {
    }
    function dosDateTimeToDate(date, time, timezone) {
      var day = date & 31;
      var month = (date >> 5 & 15) - 1;
      var year = (date >> 9 & 127) + 1980;
      var millisecond = 0;
      var second = (time & 31) * 2;
      var minute = time >> 5 & 63;
      var hour = time >> 11 & 31;
      if (timezone == null || timezone === "local") {
        return new Date(year, month, day, hour, minute, second, millisecond);
      } else if (timezone === "UTC") {
        return new Date(Date.UTC(year, month, day, hour, minute, second, millisecond));
      } else {
        throw new Error("unrecognized options.timezone: " + options.timezone);
      }
    }
    function getFileNameLowLevel(generalPurposeBitFlag, fileNameBuffer, extraFields, strictFileNames) {
      var fileName = null;
      for (var i = 0; i < extraFields.length; i++) {
        var extraField = extraFields[i];
        if (extraField.id === 28789) {
          if (extraField.data.length < 6) {
            continue;
          }
          if (extraField.data.readUInt8(0) !== 1) {
            continue;
          }
          var oldNameCrc32 = extraField.data.readUInt32LE(1);
          if (crc32(fileNameBuffer) !== oldNameCrc32) {
            continue;
          }
          fileName = decodeBuffer(extraField.data.subarray(5), true);
          break;
        }
      }
      if (fileName == null) {
        var isUtf8 = (generalPurposeBitFlag & 2048) !== 0;
        fileName = decodeBuffer(fileNameBuffer, isUtf8);
      }
      if (!strictFileNames) {
        fileName = fileName.replace(/\\/g, "/");
      }
      return fileName;
    }
    function validateFileName(fileName) {
      if (fileName.indexOf("\\") !== -1) {
        return "invalid characters in fileName: " + fileName;
      }
      if (/^[a-zA-Z]:/.test(fileName) || /^\//.test(fileName)) {
        return "absolute path: " + fileName;
      }
      if (fileName.split("/").indexOf("..") !== -1) {
        return "invalid relative path: " + fileName;
      }
      return null;
    }
    function parseExtraFields(extraFieldBuffer) {
      var extraFields = [];
      var i = 0;
      while (i < extraFieldBuffer.length - 3) {
        var headerId = extraFieldBuffer.readUInt16LE(i + 0);
        var dataSize = extraFieldBuffer.readUInt16LE(i + 2);
        var dataStart = i + 4;
        var dataEnd = dataStart + dataSize;
        if (dataEnd > extraFieldBuffer.length) throw new Error("extra field length exceeds extra field buffer size");
        var dataBuffer = extraFieldBuffer.subarray(dataStart, dataEnd);
        extraFields.push({
          id: headerId,
          data: dataBuffer
        });
        i = dataEnd;
      }
      return extraFields;
    }
    function readAndAssertNoEof(reader, buffer, offset, length, position, callback) {
      if (length === 0) {
        return setImmediate(function() {
          callback(null, newBuffer(0));
        });
      }
      reader.read(buffer, offset, length, position, function(err, bytesRead) {
        if (err) return callback(err);
        if (bytesRead < length) {
          return callback(new Error("unexpected EOF"));
        }
        callback();
      });
    }
    util.inherits(AssertByteCountStream, Transform);
    function AssertByteCountStream(byteCount) {
      Transform.call(this);
      this.actualByteCount = 0;
      this.expectedByteCount = byteCount;
    }
    AssertByteCountStream.prototype._transform = function(chunk, encoding, cb) {
      this.actualByteCount += chunk.length;
      if (this.actualByteCount > this.expectedByteCount) {
        var msg = "too many bytes in the stream. expected " + this.expectedByteCount + ". got at least " + this.actualByteCount;
        return cb(new Error(msg));
      }
      cb(null, chunk);
    };
    AssertByteCountStream.prototype._flush = function(cb) {
      if (this.actualByteCount < this.expectedByteCount) {
        var msg = "not enough bytes in the stream. expected " + this.expectedByteCount + ". got only " + this.actualByteCount;
        return cb(new Error(msg));
      }
      cb();
    };
    util.inherits(RandomAccessReader, EventEmitter);
    function RandomAccessReader() {
      EventEmitter.call(this);
      this.refCount = 0;
    }
    RandomAccessReader.prototype.ref = function() {
      this.refCount += 1;
    };
    RandomAccessReader.prototype.unref = function() {
      var self = this;
      self.refCount -= 1;
      if (self.refCount > 0) return;
      if (self.refCount < 0) throw new Error("invalid unref");
      self.close(onCloseDone);
      function onCloseDone(err) {
        if (err) return self.emit("error", err);
        self.emit("close");
      }
    };
    RandomAccessReader.prototype.createReadStream = function(options2) {
      if (options2 == null) options2 = {};
      var start = options2.start;
      var end = options2.end;
      if (start === end) {
        var emptyStream = new PassThrough();
        setImmediate(function() {
          emptyStream.end();
        });
        return emptyStream;
      }
      var stream = this._readStreamForRange(start, end);
      var destroyed = false;
      var refUnrefFilter = new RefUnrefFilter(this);
      stream.on("error", function(err) {
        setImmediate(function() {
          if (!destroyed) refUnrefFilter.emit("error", err);
        });
      });
      installDestroyFn(refUnrefFilter, function() {
        stream.unpipe(refUnrefFilter);
        refUnrefFilter.unref();
        stream.destroy();
      });
      var byteCounter = new AssertByteCountStream(end - start);
      refUnrefFilter.on("error", function(err) {
        setImmediate(function() {
          if (!destroyed) byteCounter.emit("error", err);
        });
      });
      installDestroyFn(byteCounter, function() {
        destroyed = true;
        refUnrefFilter.unpipe(byteCounter);
        refUnrefFilter.destroy();
      });
      return stream.pipe(refUnrefFilter).pipe(byteCounter);
    };
    RandomAccessReader.prototype._readStreamForRange = function(start, end) {
      throw new Error("not implemented");
    };
    RandomAccessReader.prototype.read = function(buffer, offset, length, position, callback) {
      var readStream = this.createReadStream({ start: position, end: position + length });
      var writeStream = new Writable();
      var written = 0;
      writeStream._write = function(chunk, encoding, cb) {
        chunk.copy(buffer, offset + written, 0, chunk.length);
        written += chunk.length;
        cb();
      };
      writeStream.on("finish", callback);
      readStream.on("error", function(error) {
        callback(error);
      });
      readStream.pipe(writeStream);
    };
    RandomAccessReader.prototype.close = function(callback) {
      setImmediate(callback);
    };
    util.inherits(RefUnrefFilter, PassThrough);
    function RefUnrefFilter(context) {
      PassThrough.call(this);
      this.context = context;
      this.context.ref();
      this.unreffedYet = false;
    }
    RefUnrefFilter.prototype._flush = function(cb) {
      this.unref();
      cb();
    };
    RefUnrefFilter.prototype.unref = function(cb) {
      if (this.unreffedYet) return;
      this.unreffedYet = true;
      this.context.unref();
    };
    var cp437 = "\0\u263A\u263B\u2665\u2666\u2663\u2660\u2022\u25D8\u25CB\u25D9\u2642\u2640\u266A\u266B\u263C\u25BA\u25C4\u2195\u203C\xB6\xA7\u25AC\u21A8\u2191\u2193\u2192\u2190\u221F\u2194\u25B2\u25BC !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u2302\xC7\xFC\xE9\xE2\xE4\xE0\xE5\xE7\xEA\xEB\xE8\xEF\xEE\xEC\xC4\xC5\xC9\xE6\xC6\xF4\xF6\xF2\xFB\xF9\xFF\xD6\xDC\xA2\xA3\xA5\u20A7\u0192\xE1\xED\xF3\xFA\xF1\xD1\xAA\xBA\xBF\u2310\xAC\xBD\xBC\xA1\xAB\xBB\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255D\u255C\u255B\u2510\u2514\u2534\u252C\u251C\u2500\u253C\u255E\u255F\u255A\u2554\u2569\u2566\u2560\u2550\u256C\u2567\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256B\u256A\u2518\u250C\u2588\u2584\u258C\u2590\u2580\u03B1\xDF\u0393\u03C0\u03A3\u03C3\xB5\u03C4\u03A6\u0398\u03A9\u03B4\u221E\u03C6\u03B5\u2229\u2261\xB1\u2265\u2264\u2320\u2321\xF7\u2248\xB0\u2219\xB7\u221A\u207F\xB2\u25A0\xA0";
    function decodeBuffer(buffer, isUtf8) {
      if (isUtf8) {
        return buffer.toString("utf8");
      } else {
        var result = "";
        for (var i = 0; i < buffer.length; i++) {
          result += cp437[buffer[i]];
        }
        return result;
      }
    }
    function readUInt64LE(buffer, offset) {
      var lower32 = buffer.readUInt32LE(offset);
      var upper32 = buffer.readUInt32LE(offset + 4);
      return upper32 * 4294967296 + lower32;
    }
    var newBuffer;
    if (typeof Buffer.allocUnsafe === "function") {
      newBuffer = function(len) {
        return Buffer.allocUnsafe(len);
      };
    } else {
      newBuffer = function(len) {
        return new Buffer(len);
      };
    }
    function installDestroyFn(stream, fn) {
      if (typeof stream.destroy === "function") {
        stream._destroy = function(err, cb) {
          fn();
          if (cb != null) cb(err);
        };
      } else {
        stream.destroy = fn;
      }
    }
    function defaultCallback(err) {
      if (err) throw err;
    }
  }
});

// src/pypi/rules/data/stdlib-names.json
var stdlib_names_default = {
  source: "stdlib-list 0.8.0 (2.6.9, 2.7.9, 3.2.6, 3.3.6, 3.4.3, 3.5, 3.6, 3.7, 3.8, 3.9); sys.stdlib_module_names of CPython 3.11.2; top-level modules new in 3.14 (What's New in Python 3.14)",
  refreshed: "2026-12-01",
  names: [
    "abc",
    "abcoll",
    "aepack",
    "aetools",
    "aetypes",
    "aifc",
    "aix-support",
    "al",
    "annotationlib",
    "antigravity",
    "anydbm",
    "applesingle",
    "argparse",
    "array",
    "ast",
    "asynchat",
    "asyncio",
    "asyncio-base-events",
    "asyncio-base-futures",
    "asyncio-base-subprocess",
    "asyncio-base-tasks",
    "asyncio-compat",
    "asyncio-constants",
    "asyncio-coroutines",
    "asyncio-events",
    "asyncio-exceptions",
    "asyncio-format-helpers",
    "asyncio-futures",
    "asyncio-locks",
    "asyncio-log",
    "asyncio-main",
    "asyncio-proactor-events",
    "asyncio-protocols",
    "asyncio-queues",
    "asyncio-runners",
    "asyncio-selector-events",
    "asyncio-sslproto",
    "asyncio-staggered",
    "asyncio-streams",
    "asyncio-subprocess",
    "asyncio-tasks",
    "asyncio-test-utils",
    "asyncio-threads",
    "asyncio-transports",
    "asyncio-trsock",
    "asyncio-unix-events",
    "asyncio-windows-events",
    "asyncio-windows-utils",
    "asyncore",
    "atexit",
    "audiodev",
    "audioop",
    "autogil",
    "base64",
    "basehttpserver",
    "bastion",
    "bdb",
    "binascii",
    "binhex",
    "bisect",
    "blake2",
    "bootlocale",
    "bootsubprocess",
    "bsddb",
    "bsddb-db",
    "bsddb-dbobj",
    "bsddb-dbrecio",
    "bsddb-dbshelve",
    "bsddb-dbtables",
    "bsddb-dbutils",
    "bsddb-test",
    "bsddb-test-test-all",
    "bsddb-test-test-associate",
    "bsddb-test-test-basics",
    "bsddb-test-test-compare",
    "bsddb-test-test-compat",
    "bsddb-test-test-cursor-pget-bug",
    "bsddb-test-test-db",
    "bsddb-test-test-dbenv",
    "bsddb-test-test-dbobj",
    "bsddb-test-test-dbshelve",
    "bsddb-test-test-dbtables",
    "bsddb-test-test-distributed-transactions",
    "bsddb-test-test-early-close",
    "bsddb-test-test-fileid",
    "bsddb-test-test-get-none",
    "bsddb-test-test-join",
    "bsddb-test-test-lock",
    "bsddb-test-test-misc",
    "bsddb-test-test-pickle",
    "bsddb-test-test-queue",
    "bsddb-test-test-recno",
    "bsddb-test-test-replication",
    "bsddb-test-test-sequence",
    "bsddb-test-test-thread",
    "buildtools",
    "builtin",
    "builtins",
    "bz2",
    "calendar",
    "canvas",
    "carbon",
    "carbon-ae",
    "carbon-ah",
    "carbon-app",
    "carbon-appearance",
    "carbon-carbonevents",
    "carbon-carbonevt",
    "carbon-cf",
    "carbon-cg",
    "carbon-cm",
    "carbon-components",
    "carbon-controlaccessor",
    "carbon-controls",
    "carbon-corefounation",
    "carbon-coregraphics",
    "carbon-ctl",
    "carbon-dialogs",
    "carbon-dlg",
    "carbon-drag",
    "carbon-dragconst",
    "carbon-events",
    "carbon-evt",
    "carbon-file",
    "carbon-files",
    "carbon-fm",
    "carbon-folder",
    "carbon-folders",
    "carbon-fonts",
    "carbon-help",
    "carbon-ibcarbon",
    "carbon-ibcarbonruntime",
    "carbon-icns",
    "carbon-icons",
    "carbon-launch",
    "carbon-launchservices",
    "carbon-list",
    "carbon-lists",
    "carbon-machelp",
    "carbon-mediadescr",
    "carbon-menu",
    "carbon-menus",
    "carbon-mlte",
    "carbon-osa",
    "carbon-osaconst",
    "carbon-qd",
    "carbon-qdoffs",
    "carbon-qdoffscreen",
    "carbon-qt",
    "carbon-quickdraw",
    "carbon-quicktime",
    "carbon-res",
    "carbon-resources",
    "carbon-scrap",
    "carbon-snd",
    "carbon-sound",
    "carbon-te",
    "carbon-textedit",
    "carbon-win",
    "carbon-windows",
    "cd",
    "cfmfile",
    "cgi",
    "cgihttpserver",
    "cgitb",
    "chunk",
    "cmath",
    "cmd",
    "code",
    "codecs",
    "codecs-cn",
    "codecs-hk",
    "codecs-iso2022",
    "codecs-jp",
    "codecs-kr",
    "codecs-tw",
    "codeop",
    "collections",
    "collections-abc",
    "collections-main",
    "colorpicker",
    "colorsys",
    "commands",
    "compat-pickle",
    "compileall",
    "compiler",
    "compiler-ast",
    "compiler-consts",
    "compiler-future",
    "compiler-misc",
    "compiler-pyassem",
    "compiler-pycodegen",
    "compiler-symbols",
    "compiler-syntax",
    "compiler-transformer",
    "compiler-visitor",
    "compression",
    "compression-zstd",
    "concurrent",
    "concurrent-futures",
    "concurrent-futures-base",
    "concurrent-futures-process",
    "concurrent-futures-thread",
    "concurrent-interpreters",
    "configparser",
    "contextlib",
    "contextvars",
    "cookie",
    "cookielib",
    "copy",
    "copy-reg",
    "copyreg",
    "cpickle",
    "cprofile",
    "crypt",
    "cstringio",
    "csv",
    "ctypes",
    "ctypes-aix",
    "ctypes-endian",
    "ctypes-macholib",
    "ctypes-macholib-dyld",
    "ctypes-macholib-dylib",
    "ctypes-macholib-framework",
    "ctypes-test",
    "ctypes-test-main",
    "ctypes-test-runtests",
    "ctypes-test-test-anon",
    "ctypes-test-test-array-in-pointer",
    "ctypes-test-test-arrays",
    "ctypes-test-test-as-parameter",
    "ctypes-test-test-bitfields",
    "ctypes-test-test-buffers",
    "ctypes-test-test-bytes",
    "ctypes-test-test-byteswap",
    "ctypes-test-test-callbacks",
    "ctypes-test-test-cast",
    "ctypes-test-test-cfuncs",
    "ctypes-test-test-checkretval",
    "ctypes-test-test-delattr",
    "ctypes-test-test-errno",
    "ctypes-test-test-find",
    "ctypes-test-test-frombuffer",
    "ctypes-test-test-funcptr",
    "ctypes-test-test-functions",
    "ctypes-test-test-incomplete",
    "ctypes-test-test-init",
    "ctypes-test-test-internals",
    "ctypes-test-test-keeprefs",
    "ctypes-test-test-libc",
    "ctypes-test-test-loading",
    "ctypes-test-test-macholib",
    "ctypes-test-test-memfunctions",
    "ctypes-test-test-numbers",
    "ctypes-test-test-objects",
    "ctypes-test-test-parameters",
    "ctypes-test-test-pep3118",
    "ctypes-test-test-pickling",
    "ctypes-test-test-pointers",
    "ctypes-test-test-prototypes",
    "ctypes-test-test-python-api",
    "ctypes-test-test-random-things",
    "ctypes-test-test-refcounts",
    "ctypes-test-test-repr",
    "ctypes-test-test-returnfuncptrs",
    "ctypes-test-test-simplesubclasses",
    "ctypes-test-test-sizes",
    "ctypes-test-test-slicing",
    "ctypes-test-test-stringptr",
    "ctypes-test-test-strings",
    "ctypes-test-test-struct-fields",
    "ctypes-test-test-structures",
    "ctypes-test-test-unaligned-structures",
    "ctypes-test-test-unicode",
    "ctypes-test-test-values",
    "ctypes-test-test-varsize-struct",
    "ctypes-test-test-win32",
    "ctypes-test-test-wintypes",
    "ctypes-util",
    "ctypes-wintypes",
    "curses",
    "curses-ascii",
    "curses-has-key",
    "curses-panel",
    "curses-textpad",
    "curses-wrapper",
    "dataclasses",
    "datetime",
    "dbhash",
    "dbm",
    "dbm-dumb",
    "dbm-gnu",
    "dbm-ndbm",
    "decimal",
    "device",
    "dialog",
    "difflib",
    "dircache",
    "dis",
    "distutils",
    "distutils-archive-util",
    "distutils-bcppcompiler",
    "distutils-ccompiler",
    "distutils-cmd",
    "distutils-command",
    "distutils-command-bdist",
    "distutils-command-bdist-dumb",
    "distutils-command-bdist-msi",
    "distutils-command-bdist-packager",
    "distutils-command-bdist-rpm",
    "distutils-command-bdist-wininst",
    "distutils-command-build",
    "distutils-command-build-clib",
    "distutils-command-build-ext",
    "distutils-command-build-py",
    "distutils-command-build-scripts",
    "distutils-command-check",
    "distutils-command-clean",
    "distutils-command-config",
    "distutils-command-install",
    "distutils-command-install-data",
    "distutils-command-install-egg-info",
    "distutils-command-install-headers",
    "distutils-command-install-lib",
    "distutils-command-install-scripts",
    "distutils-command-register",
    "distutils-command-sdist",
    "distutils-command-upload",
    "distutils-config",
    "distutils-core",
    "distutils-cygwinccompiler",
    "distutils-debug",
    "distutils-dep-util",
    "distutils-dir-util",
    "distutils-dist",
    "distutils-emxccompiler",
    "distutils-errors",
    "distutils-extension",
    "distutils-fancy-getopt",
    "distutils-file-util",
    "distutils-filelist",
    "distutils-log",
    "distutils-msvc9compiler",
    "distutils-msvccompiler",
    "distutils-mwerkscompiler",
    "distutils-spawn",
    "distutils-sysconfig",
    "distutils-tests",
    "distutils-tests-setuptools-build-ext",
    "distutils-tests-setuptools-extension",
    "distutils-tests-support",
    "distutils-tests-test-archive-util",
    "distutils-tests-test-bdist",
    "distutils-tests-test-bdist-dumb",
    "distutils-tests-test-bdist-msi",
    "distutils-tests-test-bdist-rpm",
    "distutils-tests-test-bdist-wininst",
    "distutils-tests-test-build",
    "distutils-tests-test-build-clib",
    "distutils-tests-test-build-ext",
    "distutils-tests-test-build-py",
    "distutils-tests-test-build-scripts",
    "distutils-tests-test-ccompiler",
    "distutils-tests-test-check",
    "distutils-tests-test-clean",
    "distutils-tests-test-cmd",
    "distutils-tests-test-config",
    "distutils-tests-test-config-cmd",
    "distutils-tests-test-core",
    "distutils-tests-test-cygwinccompiler",
    "distutils-tests-test-dep-util",
    "distutils-tests-test-dir-util",
    "distutils-tests-test-dist",
    "distutils-tests-test-extension",
    "distutils-tests-test-file-util",
    "distutils-tests-test-filelist",
    "distutils-tests-test-install",
    "distutils-tests-test-install-data",
    "distutils-tests-test-install-headers",
    "distutils-tests-test-install-lib",
    "distutils-tests-test-install-scripts",
    "distutils-tests-test-log",
    "distutils-tests-test-msvc9compiler",
    "distutils-tests-test-msvccompiler",
    "distutils-tests-test-register",
    "distutils-tests-test-sdist",
    "distutils-tests-test-spawn",
    "distutils-tests-test-sysconfig",
    "distutils-tests-test-text-file",
    "distutils-tests-test-unixccompiler",
    "distutils-tests-test-upload",
    "distutils-tests-test-util",
    "distutils-tests-test-version",
    "distutils-tests-test-versionpredicate",
    "distutils-text-file",
    "distutils-unixccompiler",
    "distutils-util",
    "distutils-version",
    "distutils-versionpredicate",
    "dl",
    "doctest",
    "docxmlrpcserver",
    "dumbdbm",
    "dummy-thread",
    "dummy-threading",
    "easydialogs",
    "elementtree",
    "email",
    "email-base64mime",
    "email-charset",
    "email-contentmanager",
    "email-encoded-words",
    "email-encoders",
    "email-errors",
    "email-feedparser",
    "email-generator",
    "email-header",
    "email-header-value-parser",
    "email-headerregistry",
    "email-iterators",
    "email-message",
    "email-mime",
    "email-mime-application",
    "email-mime-audio",
    "email-mime-base",
    "email-mime-image",
    "email-mime-message",
    "email-mime-multipart",
    "email-mime-nonmultipart",
    "email-mime-text",
    "email-parseaddr",
    "email-parser",
    "email-policy",
    "email-policybase",
    "email-quoprimime",
    "email-test",
    "email-test-test-email",
    "email-test-test-email-codecs",
    "email-test-test-email-codecs-renamed",
    "email-test-test-email-renamed",
    "email-test-test-email-torture",
    "email-utils",
    "encodings",
    "encodings-aliases",
    "encodings-ascii",
    "encodings-base64-codec",
    "encodings-big5",
    "encodings-big5hkscs",
    "encodings-builtin",
    "encodings-bz2-codec",
    "encodings-charmap",
    "encodings-codecs",
    "encodings-cp037",
    "encodings-cp1006",
    "encodings-cp1026",
    "encodings-cp1125",
    "encodings-cp1140",
    "encodings-cp1250",
    "encodings-cp1251",
    "encodings-cp1252",
    "encodings-cp1253",
    "encodings-cp1254",
    "encodings-cp1255",
    "encodings-cp1256",
    "encodings-cp1257",
    "encodings-cp1258",
    "encodings-cp273",
    "encodings-cp424",
    "encodings-cp437",
    "encodings-cp500",
    "encodings-cp65001",
    "encodings-cp720",
    "encodings-cp737",
    "encodings-cp775",
    "encodings-cp850",
    "encodings-cp852",
    "encodings-cp855",
    "encodings-cp856",
    "encodings-cp857",
    "encodings-cp858",
    "encodings-cp860",
    "encodings-cp861",
    "encodings-cp862",
    "encodings-cp863",
    "encodings-cp864",
    "encodings-cp865",
    "encodings-cp866",
    "encodings-cp869",
    "encodings-cp874",
    "encodings-cp875",
    "encodings-cp932",
    "encodings-cp949",
    "encodings-cp950",
    "encodings-encodings",
    "encodings-euc-jis-2004",
    "encodings-euc-jisx0213",
    "encodings-euc-jp",
    "encodings-euc-kr",
    "encodings-gb18030",
    "encodings-gb2312",
    "encodings-gbk",
    "encodings-hex-codec",
    "encodings-hp-roman8",
    "encodings-hz",
    "encodings-idna",
    "encodings-iso2022-jp",
    "encodings-iso2022-jp-1",
    "encodings-iso2022-jp-2",
    "encodings-iso2022-jp-2004",
    "encodings-iso2022-jp-3",
    "encodings-iso2022-jp-ext",
    "encodings-iso2022-kr",
    "encodings-iso8859-1",
    "encodings-iso8859-10",
    "encodings-iso8859-11",
    "encodings-iso8859-13",
    "encodings-iso8859-14",
    "encodings-iso8859-15",
    "encodings-iso8859-16",
    "encodings-iso8859-2",
    "encodings-iso8859-3",
    "encodings-iso8859-4",
    "encodings-iso8859-5",
    "encodings-iso8859-6",
    "encodings-iso8859-7",
    "encodings-iso8859-8",
    "encodings-iso8859-9",
    "encodings-johab",
    "encodings-koi8-r",
    "encodings-koi8-t",
    "encodings-koi8-u",
    "encodings-kz1048",
    "encodings-latin-1",
    "encodings-mac-arabic",
    "encodings-mac-centeuro",
    "encodings-mac-croatian",
    "encodings-mac-cyrillic",
    "encodings-mac-farsi",
    "encodings-mac-greek",
    "encodings-mac-iceland",
    "encodings-mac-latin2",
    "encodings-mac-roman",
    "encodings-mac-romanian",
    "encodings-mac-turkish",
    "encodings-mbcs",
    "encodings-oem",
    "encodings-palmos",
    "encodings-ptcp154",
    "encodings-punycode",
    "encodings-quopri-codec",
    "encodings-raw-unicode-escape",
    "encodings-rot-13",
    "encodings-shift-jis",
    "encodings-shift-jis-2004",
    "encodings-shift-jisx0213",
    "encodings-string-escape",
    "encodings-tis-620",
    "encodings-undefined",
    "encodings-unicode-escape",
    "encodings-unicode-internal",
    "encodings-utf-16",
    "encodings-utf-16-be",
    "encodings-utf-16-le",
    "encodings-utf-32",
    "encodings-utf-32-be",
    "encodings-utf-32-le",
    "encodings-utf-7",
    "encodings-utf-8",
    "encodings-utf-8-sig",
    "encodings-uu-codec",
    "encodings-zlib-codec",
    "ensurepip",
    "ensurepip-bundled",
    "ensurepip-main",
    "ensurepip-uninstall",
    "enum",
    "errno",
    "exceptions",
    "faulthandler",
    "fcntl",
    "filecmp",
    "filedialog",
    "fileinput",
    "findertools",
    "fixtk",
    "fl",
    "flp",
    "fm",
    "fnmatch",
    "formatter",
    "fpectl",
    "fpformat",
    "fractions",
    "framework",
    "frozen-importlib",
    "frozen-importlib-external",
    "ftplib",
    "functools",
    "future",
    "future-builtins",
    "gc",
    "gdbm",
    "genericpath",
    "gensuitemodule",
    "getopt",
    "getpass",
    "gettext",
    "gl",
    "glob",
    "graphlib",
    "grp",
    "gzip",
    "hashlib",
    "heapq",
    "hmac",
    "hotshot",
    "hotshot-log",
    "hotshot-stats",
    "hotshot-stones",
    "html",
    "html-entities",
    "html-parser",
    "htmlentitydefs",
    "htmllib",
    "htmlparser",
    "http",
    "http-client",
    "http-cookiejar",
    "http-cookies",
    "http-server",
    "httplib",
    "ic",
    "icopen",
    "idlelib",
    "idlelib-aboutdialog",
    "idlelib-autocomplete",
    "idlelib-autocomplete-w",
    "idlelib-autocompletewindow",
    "idlelib-autoexpand",
    "idlelib-bindings",
    "idlelib-browser",
    "idlelib-calltip",
    "idlelib-calltip-w",
    "idlelib-calltips",
    "idlelib-calltipwindow",
    "idlelib-classbrowser",
    "idlelib-codecontext",
    "idlelib-colordelegator",
    "idlelib-colorizer",
    "idlelib-config",
    "idlelib-config-key",
    "idlelib-configdialog",
    "idlelib-confighandler",
    "idlelib-confighelpsourceedit",
    "idlelib-configsectionnamedialog",
    "idlelib-debugger",
    "idlelib-debugger-r",
    "idlelib-debugobj",
    "idlelib-debugobj-r",
    "idlelib-delegator",
    "idlelib-dynoption",
    "idlelib-dynoptionmenuwidget",
    "idlelib-editor",
    "idlelib-editorwindow",
    "idlelib-filelist",
    "idlelib-format",
    "idlelib-formatparagraph",
    "idlelib-grep",
    "idlelib-grepdialog",
    "idlelib-help",
    "idlelib-help-about",
    "idlelib-history",
    "idlelib-hyperparser",
    "idlelib-idle",
    "idlelib-idle-test",
    "idlelib-idle-test-htest",
    "idlelib-idle-test-mock-idle",
    "idlelib-idle-test-mock-tk",
    "idlelib-idle-test-template",
    "idlelib-idle-test-test-autocomplete",
    "idlelib-idle-test-test-autocomplete-w",
    "idlelib-idle-test-test-autoexpand",
    "idlelib-idle-test-test-browser",
    "idlelib-idle-test-test-calltip",
    "idlelib-idle-test-test-calltip-w",
    "idlelib-idle-test-test-calltips",
    "idlelib-idle-test-test-codecontext",
    "idlelib-idle-test-test-colorizer",
    "idlelib-idle-test-test-config",
    "idlelib-idle-test-test-config-help",
    "idlelib-idle-test-test-config-key",
    "idlelib-idle-test-test-config-name",
    "idlelib-idle-test-test-configdialog",
    "idlelib-idle-test-test-debugger",
    "idlelib-idle-test-test-debugger-r",
    "idlelib-idle-test-test-debugobj",
    "idlelib-idle-test-test-debugobj-r",
    "idlelib-idle-test-test-delegator",
    "idlelib-idle-test-test-editmenu",
    "idlelib-idle-test-test-editor",
    "idlelib-idle-test-test-filelist",
    "idlelib-idle-test-test-format",
    "idlelib-idle-test-test-formatparagraph",
    "idlelib-idle-test-test-grep",
    "idlelib-idle-test-test-help",
    "idlelib-idle-test-test-help-about",
    "idlelib-idle-test-test-helpabout",
    "idlelib-idle-test-test-history",
    "idlelib-idle-test-test-hyperparser",
    "idlelib-idle-test-test-idlehistory",
    "idlelib-idle-test-test-io",
    "idlelib-idle-test-test-iomenu",
    "idlelib-idle-test-test-macosx",
    "idlelib-idle-test-test-mainmenu",
    "idlelib-idle-test-test-multicall",
    "idlelib-idle-test-test-outwin",
    "idlelib-idle-test-test-paragraph",
    "idlelib-idle-test-test-parenmatch",
    "idlelib-idle-test-test-pathbrowser",
    "idlelib-idle-test-test-percolator",
    "idlelib-idle-test-test-pyparse",
    "idlelib-idle-test-test-pyshell",
    "idlelib-idle-test-test-query",
    "idlelib-idle-test-test-redirector",
    "idlelib-idle-test-test-replace",
    "idlelib-idle-test-test-replacedialog",
    "idlelib-idle-test-test-rpc",
    "idlelib-idle-test-test-rstrip",
    "idlelib-idle-test-test-run",
    "idlelib-idle-test-test-runscript",
    "idlelib-idle-test-test-scrolledlist",
    "idlelib-idle-test-test-search",
    "idlelib-idle-test-test-searchbase",
    "idlelib-idle-test-test-searchdialog",
    "idlelib-idle-test-test-searchdialogbase",
    "idlelib-idle-test-test-searchengine",
    "idlelib-idle-test-test-sidebar",
    "idlelib-idle-test-test-squeezer",
    "idlelib-idle-test-test-stackviewer",
    "idlelib-idle-test-test-statusbar",
    "idlelib-idle-test-test-text",
    "idlelib-idle-test-test-textview",
    "idlelib-idle-test-test-tooltip",
    "idlelib-idle-test-test-tree",
    "idlelib-idle-test-test-undo",
    "idlelib-idle-test-test-undodelegator",
    "idlelib-idle-test-test-warning",
    "idlelib-idle-test-test-widgetredir",
    "idlelib-idle-test-test-window",
    "idlelib-idle-test-test-zoomheight",
    "idlelib-idlehistory",
    "idlelib-idlever",
    "idlelib-iobinding",
    "idlelib-iomenu",
    "idlelib-keybindingdialog",
    "idlelib-macosx",
    "idlelib-macosxsupport",
    "idlelib-main",
    "idlelib-mainmenu",
    "idlelib-multicall",
    "idlelib-multistatusbar",
    "idlelib-objectbrowser",
    "idlelib-outputwindow",
    "idlelib-outwin",
    "idlelib-paragraph",
    "idlelib-parenmatch",
    "idlelib-pathbrowser",
    "idlelib-percolator",
    "idlelib-pyclbr",
    "idlelib-pyparse",
    "idlelib-pyshell",
    "idlelib-query",
    "idlelib-redirector",
    "idlelib-remotedebugger",
    "idlelib-remoteobjectbrowser",
    "idlelib-replace",
    "idlelib-replacedialog",
    "idlelib-rpc",
    "idlelib-rstrip",
    "idlelib-rstripextension",
    "idlelib-run",
    "idlelib-runscript",
    "idlelib-scriptbinding",
    "idlelib-scrolledlist",
    "idlelib-search",
    "idlelib-searchbase",
    "idlelib-searchdialog",
    "idlelib-searchdialogbase",
    "idlelib-searchengine",
    "idlelib-sidebar",
    "idlelib-squeezer",
    "idlelib-stackviewer",
    "idlelib-statusbar",
    "idlelib-tabbedpages",
    "idlelib-textview",
    "idlelib-tooltip",
    "idlelib-tree",
    "idlelib-treewidget",
    "idlelib-undo",
    "idlelib-undodelegator",
    "idlelib-widgetredirector",
    "idlelib-window",
    "idlelib-windowlist",
    "idlelib-zoomheight",
    "idlelib-zzdummy",
    "ihooks",
    "imageop",
    "imaplib",
    "imgfile",
    "imghdr",
    "imp",
    "importlib",
    "importlib-abc",
    "importlib-bootstrap",
    "importlib-bootstrap-external",
    "importlib-common",
    "importlib-machinery",
    "importlib-metadata",
    "importlib-resources",
    "importlib-util",
    "imputil",
    "inspect",
    "interpchannels",
    "interpqueues",
    "interpreters",
    "io",
    "ipaddress",
    "itertools",
    "jpeg",
    "json",
    "json-decoder",
    "json-encoder",
    "json-json",
    "json-re",
    "json-scanner",
    "json-struct",
    "json-sys",
    "json-tests",
    "json-tests-test-check-circular",
    "json-tests-test-decode",
    "json-tests-test-default",
    "json-tests-test-dump",
    "json-tests-test-encode-basestring-ascii",
    "json-tests-test-fail",
    "json-tests-test-float",
    "json-tests-test-indent",
    "json-tests-test-pass1",
    "json-tests-test-pass2",
    "json-tests-test-pass3",
    "json-tests-test-recursion",
    "json-tests-test-scanstring",
    "json-tests-test-separators",
    "json-tests-test-speedups",
    "json-tests-test-tool",
    "json-tests-test-unicode",
    "json-tool",
    "keyword",
    "lib",
    "lib-libpython3",
    "lib2to3",
    "lib2to3-btm-matcher",
    "lib2to3-btm-utils",
    "lib2to3-fixer-base",
    "lib2to3-fixer-util",
    "lib2to3-fixes",
    "lib2to3-fixes-fix-apply",
    "lib2to3-fixes-fix-asserts",
    "lib2to3-fixes-fix-basestring",
    "lib2to3-fixes-fix-buffer",
    "lib2to3-fixes-fix-callable",
    "lib2to3-fixes-fix-dict",
    "lib2to3-fixes-fix-except",
    "lib2to3-fixes-fix-exec",
    "lib2to3-fixes-fix-execfile",
    "lib2to3-fixes-fix-exitfunc",
    "lib2to3-fixes-fix-filter",
    "lib2to3-fixes-fix-funcattrs",
    "lib2to3-fixes-fix-future",
    "lib2to3-fixes-fix-getcwdu",
    "lib2to3-fixes-fix-has-key",
    "lib2to3-fixes-fix-idioms",
    "lib2to3-fixes-fix-import",
    "lib2to3-fixes-fix-imports",
    "lib2to3-fixes-fix-imports2",
    "lib2to3-fixes-fix-input",
    "lib2to3-fixes-fix-intern",
    "lib2to3-fixes-fix-isinstance",
    "lib2to3-fixes-fix-itertools",
    "lib2to3-fixes-fix-itertools-imports",
    "lib2to3-fixes-fix-long",
    "lib2to3-fixes-fix-map",
    "lib2to3-fixes-fix-metaclass",
    "lib2to3-fixes-fix-methodattrs",
    "lib2to3-fixes-fix-ne",
    "lib2to3-fixes-fix-next",
    "lib2to3-fixes-fix-nonzero",
    "lib2to3-fixes-fix-numliterals",
    "lib2to3-fixes-fix-operator",
    "lib2to3-fixes-fix-paren",
    "lib2to3-fixes-fix-print",
    "lib2to3-fixes-fix-raise",
    "lib2to3-fixes-fix-raw-input",
    "lib2to3-fixes-fix-reduce",
    "lib2to3-fixes-fix-reload",
    "lib2to3-fixes-fix-renames",
    "lib2to3-fixes-fix-repr",
    "lib2to3-fixes-fix-set-literal",
    "lib2to3-fixes-fix-standarderror",
    "lib2to3-fixes-fix-sys-exc",
    "lib2to3-fixes-fix-throw",
    "lib2to3-fixes-fix-tuple-params",
    "lib2to3-fixes-fix-types",
    "lib2to3-fixes-fix-unicode",
    "lib2to3-fixes-fix-urllib",
    "lib2to3-fixes-fix-ws-comma",
    "lib2to3-fixes-fix-xrange",
    "lib2to3-fixes-fix-xreadlines",
    "lib2to3-fixes-fix-zip",
    "lib2to3-main",
    "lib2to3-patcomp",
    "lib2to3-pgen2",
    "lib2to3-pgen2-conv",
    "lib2to3-pgen2-driver",
    "lib2to3-pgen2-grammar",
    "lib2to3-pgen2-literals",
    "lib2to3-pgen2-parse",
    "lib2to3-pgen2-pgen",
    "lib2to3-pgen2-token",
    "lib2to3-pgen2-tokenize",
    "lib2to3-pygram",
    "lib2to3-pytree",
    "lib2to3-refactor",
    "lib2to3-tests",
    "lib2to3-tests-data",
    "lib2to3-tests-data-bom",
    "lib2to3-tests-data-crlf",
    "lib2to3-tests-data-different-encoding",
    "lib2to3-tests-data-false-encoding",
    "lib2to3-tests-data-fixers",
    "lib2to3-tests-data-fixers-bad-order",
    "lib2to3-tests-data-fixers-myfixes",
    "lib2to3-tests-data-fixers-myfixes-fix-explicit",
    "lib2to3-tests-data-fixers-myfixes-fix-first",
    "lib2to3-tests-data-fixers-myfixes-fix-last",
    "lib2to3-tests-data-fixers-myfixes-fix-parrot",
    "lib2to3-tests-data-fixers-myfixes-fix-preorder",
    "lib2to3-tests-data-fixers-no-fixer-cls",
    "lib2to3-tests-data-fixers-parrot-example",
    "lib2to3-tests-data-infinite-recursion",
    "lib2to3-tests-data-py2-test-grammar",
    "lib2to3-tests-data-py3-test-grammar",
    "lib2to3-tests-main",
    "lib2to3-tests-pytree-idempotency",
    "lib2to3-tests-support",
    "lib2to3-tests-test-all-fixers",
    "lib2to3-tests-test-fixers",
    "lib2to3-tests-test-main",
    "lib2to3-tests-test-parser",
    "lib2to3-tests-test-pytree",
    "lib2to3-tests-test-refactor",
    "lib2to3-tests-test-util",
    "linecache",
    "linuxaudiodev",
    "locale",
    "logging",
    "logging-config",
    "logging-handlers",
    "lsprof",
    "lwpcookiejar",
    "lzma",
    "macerrors",
    "macos",
    "macostools",
    "macpath",
    "macresource",
    "macurl2path",
    "mailbox",
    "mailcap",
    "main",
    "markupbase",
    "marshal",
    "math",
    "md5",
    "mhlib",
    "mimetools",
    "mimetypes",
    "mimewriter",
    "mimify",
    "miniaeframe",
    "mmap",
    "modulefinder",
    "mozillacookiejar",
    "msi",
    "msilib",
    "msvcrt",
    "multibytecodec",
    "multifile",
    "multiprocessing",
    "multiprocessing-connection",
    "multiprocessing-context",
    "multiprocessing-dummy",
    "multiprocessing-dummy-connection",
    "multiprocessing-forking",
    "multiprocessing-forkserver",
    "multiprocessing-heap",
    "multiprocessing-managers",
    "multiprocessing-pool",
    "multiprocessing-popen-fork",
    "multiprocessing-popen-forkserver",
    "multiprocessing-popen-spawn-posix",
    "multiprocessing-popen-spawn-win32",
    "multiprocessing-process",
    "multiprocessing-queues",
    "multiprocessing-reduction",
    "multiprocessing-resource-sharer",
    "multiprocessing-resource-tracker",
    "multiprocessing-semaphore-tracker",
    "multiprocessing-shared-memory",
    "multiprocessing-sharedctypes",
    "multiprocessing-spawn",
    "multiprocessing-synchronize",
    "multiprocessing-util",
    "mutex",
    "nav",
    "netrc",
    "new",
    "nis",
    "nntplib",
    "nt",
    "ntpath",
    "nturl2path",
    "numbers",
    "opcode",
    "operator",
    "optparse",
    "os",
    "os-path",
    "os2emxpath",
    "ossaudiodev",
    "osx-support",
    "overlapped",
    "parser",
    "pathlib",
    "pdb",
    "phello",
    "phello-foo",
    "pickle",
    "pickletools",
    "pipes",
    "pixmapwrapper",
    "pkgutil",
    "platform",
    "plistlib",
    "popen2",
    "poplib",
    "posix",
    "posixfile",
    "posixpath",
    "posixshmem",
    "posixsubprocess",
    "pprint",
    "profile",
    "pstats",
    "pty",
    "pwd",
    "py-abc",
    "py-compile",
    "pyclbr",
    "pydecimal",
    "pydoc",
    "pydoc-data",
    "pydoc-data-topics",
    "pyexpat",
    "pyio",
    "queue",
    "quopri",
    "random",
    "re",
    "readline",
    "repr",
    "reprlib",
    "resource",
    "rexec",
    "rfc822",
    "rlcompleter",
    "robotparser",
    "runpy",
    "sched",
    "scproxy",
    "scrolledtext",
    "secrets",
    "select",
    "selectors",
    "sets",
    "sgmllib",
    "sha",
    "sha1",
    "sha256",
    "sha3",
    "sha512",
    "shelve",
    "shlex",
    "shutil",
    "signal",
    "simpledialog",
    "simplehttpserver",
    "simplexmlrpcserver",
    "site",
    "sitebuiltins",
    "smtpd",
    "smtplib",
    "sndhdr",
    "socket",
    "socketserver",
    "spwd",
    "sqlite3",
    "sqlite3-dbapi2",
    "sqlite3-dump",
    "sqlite3-test",
    "sqlite3-test-backup",
    "sqlite3-test-dbapi",
    "sqlite3-test-dump",
    "sqlite3-test-factory",
    "sqlite3-test-hooks",
    "sqlite3-test-py25tests",
    "sqlite3-test-regression",
    "sqlite3-test-transactions",
    "sqlite3-test-types",
    "sqlite3-test-userfunctions",
    "sre",
    "sre-compile",
    "sre-constants",
    "sre-parse",
    "ssl",
    "stat",
    "statistics",
    "statvfs",
    "string",
    "string-templatelib",
    "stringio",
    "stringold",
    "stringprep",
    "strop",
    "strptime",
    "struct",
    "subprocess",
    "sunau",
    "sunaudio",
    "sunaudiodev",
    "symbol",
    "symtable",
    "sys",
    "sysconfig",
    "sysconfigdata",
    "sysconfigdata-x86-64-conda-cos6-linux-gnu",
    "sysconfigdata-x86-64-conda-linux-gnu",
    "syslog",
    "tabnanny",
    "tarfile",
    "telnetlib",
    "tempfile",
    "termios",
    "test",
    "test-ann-module",
    "test-ann-module2",
    "test-ann-module3",
    "test-audiotests",
    "test-autotest",
    "test-bad-coding",
    "test-bad-coding2",
    "test-bad-coding3",
    "test-bad-getattr",
    "test-bad-getattr2",
    "test-bad-getattr3",
    "test-badsyntax-3131",
    "test-badsyntax-async1",
    "test-badsyntax-async2",
    "test-badsyntax-async3",
    "test-badsyntax-async4",
    "test-badsyntax-async5",
    "test-badsyntax-async6",
    "test-badsyntax-async7",
    "test-badsyntax-async8",
    "test-badsyntax-future10",
    "test-badsyntax-future3",
    "test-badsyntax-future4",
    "test-badsyntax-future5",
    "test-badsyntax-future6",
    "test-badsyntax-future7",
    "test-badsyntax-future8",
    "test-badsyntax-future9",
    "test-badsyntax-nocaret",
    "test-badsyntax-pep3120",
    "test-bisect",
    "test-bisect-cmd",
    "test-buffer-tests",
    "test-bytecode-helper",
    "test-coding20731",
    "test-curses-tests",
    "test-dataclass-module-1",
    "test-dataclass-module-1-str",
    "test-dataclass-module-2",
    "test-dataclass-module-2-str",
    "test-datetimetester",
    "test-dis-module",
    "test-doctest-aliases",
    "test-double-const",
    "test-dtracedata",
    "test-dtracedata-call-stack",
    "test-dtracedata-gc",
    "test-dtracedata-instance",
    "test-dtracedata-line",
    "test-eintrdata",
    "test-eintrdata-eintr-tester",
    "test-encoded-modules",
    "test-encoded-modules-module-iso-8859-1",
    "test-encoded-modules-module-koi8-r",
    "test-final-a",
    "test-final-b",
    "test-fork-wait",
    "test-future-test1",
    "test-future-test2",
    "test-gdb-sample",
    "test-good-getattr",
    "test-imp-dummy",
    "test-infinite-reload",
    "test-inspect-fodder",
    "test-inspect-fodder2",
    "test-libregrtest",
    "test-libregrtest-cmdline",
    "test-libregrtest-main",
    "test-libregrtest-pgo",
    "test-libregrtest-refleak",
    "test-libregrtest-runtest",
    "test-libregrtest-runtest-mp",
    "test-libregrtest-save-env",
    "test-libregrtest-setup",
    "test-libregrtest-utils",
    "test-libregrtest-win-utils",
    "test-list-tests",
    "test-lock-tests",
    "test-main",
    "test-make-ssl-certs",
    "test-mapping-tests",
    "test-memory-watchdog",
    "test-mock-backport",
    "test-mock-socket",
    "test-mod-generics-cache",
    "test-mp-fork-bomb",
    "test-mp-preload",
    "test-multibytecodec-support",
    "test-outstanding-bugs",
    "test-pickletester",
    "test-profilee",
    "test-pyclbr-input",
    "test-pydoc-mod",
    "test-pydocfodder",
    "test-pystone",
    "test-pythoninfo",
    "test-re-tests",
    "test-regrtest",
    "test-relimport",
    "test-reperf",
    "test-sample-doctest",
    "test-sample-doctest-no-docstrings",
    "test-sample-doctest-no-doctests",
    "test-script-helper",
    "test-seq-tests",
    "test-signalinterproctester",
    "test-sortperf",
    "test-ssl-servers",
    "test-ssltests",
    "test-string-tests",
    "test-subprocessdata",
    "test-subprocessdata-fd-status",
    "test-subprocessdata-input-reader",
    "test-subprocessdata-qcat",
    "test-subprocessdata-qgrep",
    "test-subprocessdata-sigchild-ignore",
    "test-support",
    "test-support-bytecode-helper",
    "test-support-hashlib-helper",
    "test-support-logging-helper",
    "test-support-script-helper",
    "test-support-socket-helper",
    "test-support-testresult",
    "test-symlink-support",
    "test-test-abc",
    "test-test-abstract-numbers",
    "test-test-aepack",
    "test-test-aifc",
    "test-test-al",
    "test-test-all",
    "test-test-anydbm",
    "test-test-applesingle",
    "test-test-argparse",
    "test-test-array",
    "test-test-ascii-formatd",
    "test-test-asdl-parser",
    "test-test-ast",
    "test-test-asyncgen",
    "test-test-asynchat",
    "test-test-asyncio",
    "test-test-asyncio-echo",
    "test-test-asyncio-echo2",
    "test-test-asyncio-echo3",
    "test-test-asyncio-functional",
    "test-test-asyncio-main",
    "test-test-asyncio-test-base-events",
    "test-test-asyncio-test-buffered-proto",
    "test-test-asyncio-test-context",
    "test-test-asyncio-test-events",
    "test-test-asyncio-test-futures",
    "test-test-asyncio-test-locks",
    "test-test-asyncio-test-pep492",
    "test-test-asyncio-test-proactor-events",
    "test-test-asyncio-test-protocols",
    "test-test-asyncio-test-queues",
    "test-test-asyncio-test-runners",
    "test-test-asyncio-test-selector-events",
    "test-test-asyncio-test-sendfile",
    "test-test-asyncio-test-server",
    "test-test-asyncio-test-sock-lowlevel",
    "test-test-asyncio-test-sslproto",
    "test-test-asyncio-test-streams",
    "test-test-asyncio-test-subprocess",
    "test-test-asyncio-test-tasks",
    "test-test-asyncio-test-transports",
    "test-test-asyncio-test-unix-events",
    "test-test-asyncio-test-windows-events",
    "test-test-asyncio-test-windows-utils",
    "test-test-asyncio-utils",
    "test-test-asyncore",
    "test-test-atexit",
    "test-test-audioop",
    "test-test-audit",
    "test-test-augassign",
    "test-test-base64",
    "test-test-baseexception",
    "test-test-bastion",
    "test-test-bdb",
    "test-test-bigaddrspace",
    "test-test-bigmem",
    "test-test-binascii",
    "test-test-binhex",
    "test-test-binop",
    "test-test-bisect",
    "test-test-bool",
    "test-test-bsddb",
    "test-test-bsddb185",
    "test-test-bsddb3",
    "test-test-buffer",
    "test-test-bufio",
    "test-test-builtin",
    "test-test-bytes",
    "test-test-bz2",
    "test-test-c-locale-coercion",
    "test-test-calendar",
    "test-test-call",
    "test-test-capi",
    "test-test-cd",
    "test-test-cfgparser",
    "test-test-cgi",
    "test-test-cgitb",
    "test-test-charmapcodec",
    "test-test-cl",
    "test-test-class",
    "test-test-clinic",
    "test-test-cmath",
    "test-test-cmd",
    "test-test-cmd-line",
    "test-test-cmd-line-script",
    "test-test-code",
    "test-test-code-module",
    "test-test-codeccallbacks",
    "test-test-codecencodings-cn",
    "test-test-codecencodings-hk",
    "test-test-codecencodings-iso2022",
    "test-test-codecencodings-jp",
    "test-test-codecencodings-kr",
    "test-test-codecencodings-tw",
    "test-test-codecmaps-cn",
    "test-test-codecmaps-hk",
    "test-test-codecmaps-jp",
    "test-test-codecmaps-kr",
    "test-test-codecmaps-tw",
    "test-test-codecs",
    "test-test-codeop",
    "test-test-coercion",
    "test-test-collections",
    "test-test-colorsys",
    "test-test-commands",
    "test-test-compare",
    "test-test-compile",
    "test-test-compileall",
    "test-test-compiler",
    "test-test-complex",
    "test-test-complex-args",
    "test-test-concurrent-futures",
    "test-test-configparser",
    "test-test-contains",
    "test-test-context",
    "test-test-contextlib",
    "test-test-contextlib-async",
    "test-test-cookie",
    "test-test-cookielib",
    "test-test-copy",
    "test-test-copy-reg",
    "test-test-copyreg",
    "test-test-coroutines",
    "test-test-cpickle",
    "test-test-cprofile",
    "test-test-crashers",
    "test-test-crypt",
    "test-test-csv",
    "test-test-ctypes",
    "test-test-curses",
    "test-test-dataclasses",
    "test-test-datetime",
    "test-test-dbm",
    "test-test-dbm-dumb",
    "test-test-dbm-gnu",
    "test-test-dbm-ndbm",
    "test-test-decimal",
    "test-test-decorators",
    "test-test-defaultdict",
    "test-test-deque",
    "test-test-descr",
    "test-test-descrtut",
    "test-test-devpoll",
    "test-test-dict",
    "test-test-dict-version",
    "test-test-dictcomps",
    "test-test-dictviews",
    "test-test-difflib",
    "test-test-dircache",
    "test-test-dis",
    "test-test-distutils",
    "test-test-dl",
    "test-test-doctest",
    "test-test-doctest2",
    "test-test-docxmlrpc",
    "test-test-dtrace",
    "test-test-dumbdbm",
    "test-test-dummy-thread",
    "test-test-dummy-threading",
    "test-test-dynamic",
    "test-test-dynamicclassattribute",
    "test-test-eintr",
    "test-test-email",
    "test-test-email-codecs",
    "test-test-email-main",
    "test-test-email-renamed",
    "test-test-email-test-asian-codecs",
    "test-test-email-test-contentmanager",
    "test-test-email-test-defect-handling",
    "test-test-email-test-email",
    "test-test-email-test-encoded-words",
    "test-test-email-test-generator",
    "test-test-email-test-header-value-parser",
    "test-test-email-test-headerregistry",
    "test-test-email-test-inversion",
    "test-test-email-test-message",
    "test-test-email-test-parser",
    "test-test-email-test-pickleable",
    "test-test-email-test-policy",
    "test-test-email-test-utils",
    "test-test-email-torture-test",
    "test-test-embed",
    "test-test-ensurepip",
    "test-test-enum",
    "test-test-enumerate",
    "test-test-eof",
    "test-test-epoll",
    "test-test-errno",
    "test-test-exception-hierarchy",
    "test-test-exception-variations",
    "test-test-exceptions",
    "test-test-extcall",
    "test-test-faulthandler",
    "test-test-fcntl",
    "test-test-file",
    "test-test-file-eintr",
    "test-test-file2k",
    "test-test-filecmp",
    "test-test-fileinput",
    "test-test-fileio",
    "test-test-finalization",
    "test-test-float",
    "test-test-flufl",
    "test-test-fnmatch",
    "test-test-fork1",
    "test-test-format",
    "test-test-fpformat",
    "test-test-fractions",
    "test-test-frame",
    "test-test-frozen",
    "test-test-fstring",
    "test-test-ftplib",
    "test-test-funcattrs",
    "test-test-functools",
    "test-test-future",
    "test-test-future-builtins",
    "test-test-future1",
    "test-test-future2",
    "test-test-future3",
    "test-test-future4",
    "test-test-future5",
    "test-test-gc",
    "test-test-gdb",
    "test-test-gdbm",
    "test-test-generator-stop",
    "test-test-generators",
    "test-test-genericclass",
    "test-test-genericpath",
    "test-test-genexps",
    "test-test-getargs",
    "test-test-getargs2",
    "test-test-getopt",
    "test-test-getpass",
    "test-test-gettext",
    "test-test-gl",
    "test-test-glob",
    "test-test-global",
    "test-test-grammar",
    "test-test-grp",
    "test-test-gzip",
    "test-test-hash",
    "test-test-hashlib",
    "test-test-heapq",
    "test-test-hmac",
    "test-test-hotshot",
    "test-test-html",
    "test-test-htmllib",
    "test-test-htmlparser",
    "test-test-http-cookiejar",
    "test-test-http-cookies",
    "test-test-httplib",
    "test-test-httpservers",
    "test-test-idle",
    "test-test-imageop",
    "test-test-imaplib",
    "test-test-imgfile",
    "test-test-imghdr",
    "test-test-imp",
    "test-test-import",
    "test-test-import-data",
    "test-test-import-data-circular-imports",
    "test-test-import-data-circular-imports-basic",
    "test-test-import-data-circular-imports-basic2",
    "test-test-import-data-circular-imports-binding",
    "test-test-import-data-circular-imports-binding2",
    "test-test-import-data-circular-imports-from-cycle1",
    "test-test-import-data-circular-imports-from-cycle2",
    "test-test-import-data-circular-imports-indirect",
    "test-test-import-data-circular-imports-rebinding",
    "test-test-import-data-circular-imports-rebinding2",
    "test-test-import-data-circular-imports-source",
    "test-test-import-data-circular-imports-subpackage",
    "test-test-import-data-circular-imports-subpkg",
    "test-test-import-data-circular-imports-subpkg-subpackage2",
    "test-test-import-data-circular-imports-subpkg-util",
    "test-test-import-data-circular-imports-use",
    "test-test-import-data-circular-imports-util",
    "test-test-import-data-package",
    "test-test-import-data-package-submodule",
    "test-test-import-data-package2",
    "test-test-import-data-package2-submodule1",
    "test-test-import-data-package2-submodule2",
    "test-test-import-magic",
    "test-test-import-main",
    "test-test-importhooks",
    "test-test-importlib",
    "test-test-importlib-abc",
    "test-test-importlib-builtin",
    "test-test-importlib-builtin-main",
    "test-test-importlib-builtin-test-finder",
    "test-test-importlib-builtin-test-loader",
    "test-test-importlib-builtin-util",
    "test-test-importlib-data",
    "test-test-importlib-data01",
    "test-test-importlib-data01-subdirectory",
    "test-test-importlib-data02",
    "test-test-importlib-data02-one",
    "test-test-importlib-data02-two",
    "test-test-importlib-data03",
    "test-test-importlib-data03-namespace",
    "test-test-importlib-data03-namespace-portion1",
    "test-test-importlib-data03-namespace-portion2",
    "test-test-importlib-extension",
    "test-test-importlib-extension-main",
    "test-test-importlib-extension-test-case-sensitivity",
    "test-test-importlib-extension-test-finder",
    "test-test-importlib-extension-test-loader",
    "test-test-importlib-extension-test-path-hook",
    "test-test-importlib-extension-util",
    "test-test-importlib-fixtures",
    "test-test-importlib-frozen",
    "test-test-importlib-frozen-main",
    "test-test-importlib-frozen-test-finder",
    "test-test-importlib-frozen-test-loader",
    "test-test-importlib-import",
    "test-test-importlib-import-main",
    "test-test-importlib-import-test-api",
    "test-test-importlib-import-test-caching",
    "test-test-importlib-import-test-fromlist",
    "test-test-importlib-import-test-loader",
    "test-test-importlib-import-test-meta-path",
    "test-test-importlib-import-test-package",
    "test-test-importlib-import-test-packages",
    "test-test-importlib-import-test-path",
    "test-test-importlib-import-test-relative-imports",
    "test-test-importlib-import-util",
    "test-test-importlib-main",
    "test-test-importlib-namespace-pkgs",
    "test-test-importlib-namespace-pkgs-both-portions",
    "test-test-importlib-namespace-pkgs-both-portions-foo",
    "test-test-importlib-namespace-pkgs-both-portions-foo-one",
    "test-test-importlib-namespace-pkgs-both-portions-foo-two",
    "test-test-importlib-namespace-pkgs-module-and-namespace-package",
    "test-test-importlib-namespace-pkgs-module-and-namespace-package-a-test",
    "test-test-importlib-namespace-pkgs-not-a-namespace-pkg",
    "test-test-importlib-namespace-pkgs-not-a-namespace-pkg-foo",
    "test-test-importlib-namespace-pkgs-not-a-namespace-pkg-foo-one",
    "test-test-importlib-namespace-pkgs-portion1",
    "test-test-importlib-namespace-pkgs-portion1-foo",
    "test-test-importlib-namespace-pkgs-portion1-foo-one",
    "test-test-importlib-namespace-pkgs-portion2",
    "test-test-importlib-namespace-pkgs-portion2-foo",
    "test-test-importlib-namespace-pkgs-portion2-foo-two",
    "test-test-importlib-namespace-pkgs-project1",
    "test-test-importlib-namespace-pkgs-project1-parent",
    "test-test-importlib-namespace-pkgs-project1-parent-child",
    "test-test-importlib-namespace-pkgs-project1-parent-child-one",
    "test-test-importlib-namespace-pkgs-project2",
    "test-test-importlib-namespace-pkgs-project2-parent",
    "test-test-importlib-namespace-pkgs-project2-parent-child",
    "test-test-importlib-namespace-pkgs-project2-parent-child-two",
    "test-test-importlib-namespace-pkgs-project3",
    "test-test-importlib-namespace-pkgs-project3-parent",
    "test-test-importlib-namespace-pkgs-project3-parent-child",
    "test-test-importlib-namespace-pkgs-project3-parent-child-three",
    "test-test-importlib-regrtest",
    "test-test-importlib-source",
    "test-test-importlib-source-main",
    "test-test-importlib-source-test-case-sensitivity",
    "test-test-importlib-source-test-file-loader",
    "test-test-importlib-source-test-finder",
    "test-test-importlib-source-test-path-hook",
    "test-test-importlib-source-test-source-encoding",
    "test-test-importlib-source-util",
    "test-test-importlib-test-abc",
    "test-test-importlib-test-api",
    "test-test-importlib-test-lazy",
    "test-test-importlib-test-locks",
    "test-test-importlib-test-main",
    "test-test-importlib-test-metadata-api",
    "test-test-importlib-test-namespace-pkgs",
    "test-test-importlib-test-open",
    "test-test-importlib-test-path",
    "test-test-importlib-test-read",
    "test-test-importlib-test-resource",
    "test-test-importlib-test-spec",
    "test-test-importlib-test-util",
    "test-test-importlib-test-windows",
    "test-test-importlib-test-zip",
    "test-test-importlib-util",
    "test-test-importlib-zipdata01",
    "test-test-importlib-zipdata02",
    "test-test-index",
    "test-test-inspect",
    "test-test-int",
    "test-test-int-literal",
    "test-test-io",
    "test-test-ioctl",
    "test-test-ipaddress",
    "test-test-isinstance",
    "test-test-iter",
    "test-test-iterlen",
    "test-test-itertools",
    "test-test-json",
    "test-test-json-main",
    "test-test-json-test-decode",
    "test-test-json-test-default",
    "test-test-json-test-dump",
    "test-test-json-test-encode-basestring-ascii",
    "test-test-json-test-enum",
    "test-test-json-test-fail",
    "test-test-json-test-float",
    "test-test-json-test-indent",
    "test-test-json-test-pass1",
    "test-test-json-test-pass2",
    "test-test-json-test-pass3",
    "test-test-json-test-recursion",
    "test-test-json-test-scanstring",
    "test-test-json-test-separators",
    "test-test-json-test-speedups",
    "test-test-json-test-tool",
    "test-test-json-test-unicode",
    "test-test-keyword",
    "test-test-keywordonlyarg",
    "test-test-kqueue",
    "test-test-largefile",
    "test-test-lib2to3",
    "test-test-linecache",
    "test-test-linuxaudiodev",
    "test-test-list",
    "test-test-listcomps",
    "test-test-lltrace",
    "test-test-locale",
    "test-test-logging",
    "test-test-long",
    "test-test-long-future",
    "test-test-longexp",
    "test-test-lzma",
    "test-test-macos",
    "test-test-macostools",
    "test-test-macpath",
    "test-test-macurl2path",
    "test-test-mailbox",
    "test-test-mailcap",
    "test-test-marshal",
    "test-test-math",
    "test-test-md5",
    "test-test-memoryio",
    "test-test-memoryview",
    "test-test-metaclass",
    "test-test-mhlib",
    "test-test-mimetools",
    "test-test-mimetypes",
    "test-test-mimewriter",
    "test-test-minidom",
    "test-test-mmap",
    "test-test-module",
    "test-test-modulefinder",
    "test-test-msilib",
    "test-test-multibytecodec",
    "test-test-multifile",
    "test-test-multiprocessing",
    "test-test-multiprocessing-fork",
    "test-test-multiprocessing-forkserver",
    "test-test-multiprocessing-main-handling",
    "test-test-multiprocessing-spawn",
    "test-test-mutants",
    "test-test-mutex",
    "test-test-named-expressions",
    "test-test-netrc",
    "test-test-new",
    "test-test-nis",
    "test-test-nntplib",
    "test-test-normalization",
    "test-test-ntpath",
    "test-test-numeric-tower",
    "test-test-old-mailbox",
    "test-test-opcode",
    "test-test-opcodes",
    "test-test-openpty",
    "test-test-operator",
    "test-test-optparse",
    "test-test-ordered-dict",
    "test-test-os",
    "test-test-ossaudiodev",
    "test-test-osx-env",
    "test-test-osx-support",
    "test-test-parser",
    "test-test-pathlib",
    "test-test-pdb",
    "test-test-peepholer",
    "test-test-pep247",
    "test-test-pep277",
    "test-test-pep292",
    "test-test-pep3120",
    "test-test-pep3131",
    "test-test-pep3151",
    "test-test-pep352",
    "test-test-pep380",
    "test-test-pep479",
    "test-test-pickle",
    "test-test-picklebuffer",
    "test-test-pickletools",
    "test-test-pipes",
    "test-test-pkg",
    "test-test-pkgimport",
    "test-test-pkgutil",
    "test-test-platform",
    "test-test-plistlib",
    "test-test-poll",
    "test-test-popen",
    "test-test-popen2",
    "test-test-poplib",
    "test-test-positional-only-arg",
    "test-test-posix",
    "test-test-posixpath",
    "test-test-pow",
    "test-test-pprint",
    "test-test-print",
    "test-test-profile",
    "test-test-property",
    "test-test-pstats",
    "test-test-pty",
    "test-test-pulldom",
    "test-test-pwd",
    "test-test-py-compile",
    "test-test-py3kwarn",
    "test-test-pyclbr",
    "test-test-pydoc",
    "test-test-pyexpat",
    "test-test-queue",
    "test-test-quopri",
    "test-test-raise",
    "test-test-random",
    "test-test-range",
    "test-test-re",
    "test-test-readline",
    "test-test-regrtest",
    "test-test-repl",
    "test-test-repr",
    "test-test-reprlib",
    "test-test-resource",
    "test-test-rfc822",
    "test-test-richcmp",
    "test-test-rlcompleter",
    "test-test-robotparser",
    "test-test-runpy",
    "test-test-sax",
    "test-test-sched",
    "test-test-scope",
    "test-test-script-helper",
    "test-test-scriptpackages",
    "test-test-secrets",
    "test-test-select",
    "test-test-selectors",
    "test-test-set",
    "test-test-setcomps",
    "test-test-sets",
    "test-test-sgmllib",
    "test-test-sha",
    "test-test-shelve",
    "test-test-shlex",
    "test-test-shutil",
    "test-test-signal",
    "test-test-simplehttpserver",
    "test-test-site",
    "test-test-slice",
    "test-test-smtpd",
    "test-test-smtplib",
    "test-test-smtpnet",
    "test-test-sndhdr",
    "test-test-socket",
    "test-test-socketserver",
    "test-test-softspace",
    "test-test-sort",
    "test-test-source-encoding",
    "test-test-spwd",
    "test-test-sqlite",
    "test-test-ssl",
    "test-test-startfile",
    "test-test-stat",
    "test-test-statistics",
    "test-test-str",
    "test-test-strftime",
    "test-test-string",
    "test-test-string-literals",
    "test-test-stringio",
    "test-test-stringprep",
    "test-test-strlit",
    "test-test-strop",
    "test-test-strptime",
    "test-test-strtod",
    "test-test-struct",
    "test-test-structmembers",
    "test-test-structseq",
    "test-test-subclassinit",
    "test-test-subprocess",
    "test-test-sunau",
    "test-test-sunaudiodev",
    "test-test-sundry",
    "test-test-super",
    "test-test-support",
    "test-test-symbol",
    "test-test-symtable",
    "test-test-syntax",
    "test-test-sys",
    "test-test-sys-setprofile",
    "test-test-sys-settrace",
    "test-test-sysconfig",
    "test-test-syslog",
    "test-test-tabnanny",
    "test-test-tarfile",
    "test-test-tcl",
    "test-test-telnetlib",
    "test-test-tempfile",
    "test-test-test-support",
    "test-test-textwrap",
    "test-test-thread",
    "test-test-threaded-import",
    "test-test-threadedtempfile",
    "test-test-threading",
    "test-test-threading-local",
    "test-test-threadsignals",
    "test-test-time",
    "test-test-timeit",
    "test-test-timeout",
    "test-test-tix",
    "test-test-tk",
    "test-test-tokenize",
    "test-test-tools",
    "test-test-tools-main",
    "test-test-tools-test-fixcid",
    "test-test-tools-test-gprof2html",
    "test-test-tools-test-i18n",
    "test-test-tools-test-lll",
    "test-test-tools-test-md5sum",
    "test-test-tools-test-pathfix",
    "test-test-tools-test-pdeps",
    "test-test-tools-test-pindent",
    "test-test-tools-test-reindent",
    "test-test-tools-test-sundry",
    "test-test-tools-test-unparse",
    "test-test-trace",
    "test-test-traceback",
    "test-test-tracemalloc",
    "test-test-transformer",
    "test-test-ttk-guionly",
    "test-test-ttk-textonly",
    "test-test-tuple",
    "test-test-turtle",
    "test-test-type-comments",
    "test-test-typechecks",
    "test-test-types",
    "test-test-typing",
    "test-test-ucn",
    "test-test-unary",
    "test-test-undocumented-details",
    "test-test-unicode",
    "test-test-unicode-file",
    "test-test-unicode-file-functions",
    "test-test-unicode-identifiers",
    "test-test-unicodedata",
    "test-test-unittest",
    "test-test-univnewlines",
    "test-test-univnewlines2k",
    "test-test-unpack",
    "test-test-unpack-ex",
    "test-test-urllib",
    "test-test-urllib-response",
    "test-test-urllib2",
    "test-test-urllib2-localnet",
    "test-test-urllib2net",
    "test-test-urllibnet",
    "test-test-urlparse",
    "test-test-userdict",
    "test-test-userlist",
    "test-test-userstring",
    "test-test-utf8-mode",
    "test-test-utf8source",
    "test-test-uu",
    "test-test-uuid",
    "test-test-venv",
    "test-test-wait3",
    "test-test-wait4",
    "test-test-warnings",
    "test-test-warnings-data",
    "test-test-warnings-data-import-warning",
    "test-test-warnings-data-stacklevel",
    "test-test-warnings-main",
    "test-test-wave",
    "test-test-weakref",
    "test-test-weakset",
    "test-test-webbrowser",
    "test-test-whichdb",
    "test-test-winconsoleio",
    "test-test-winreg",
    "test-test-winsound",
    "test-test-with",
    "test-test-wsgiref",
    "test-test-xdrlib",
    "test-test-xml-dom-minicompat",
    "test-test-xml-etree",
    "test-test-xml-etree-c",
    "test-test-xmllib",
    "test-test-xmlrpc",
    "test-test-xmlrpc-net",
    "test-test-xpickle",
    "test-test-xrange",
    "test-test-xxsubinterpreters",
    "test-test-xxtestfuzz",
    "test-test-yield-from",
    "test-test-zipapp",
    "test-test-zipfile",
    "test-test-zipfile64",
    "test-test-zipimport",
    "test-test-zipimport-support",
    "test-test-zlib",
    "test-testall",
    "test-testcodec",
    "test-tf-inherit-check",
    "test-threaded-import-hangers",
    "test-time-hashlib",
    "test-tracedmodules",
    "test-tracedmodules-testmod",
    "test-warning-tests",
    "test-win-console-handler",
    "test-xmltests",
    "test-ziptestdata",
    "test-ziptestdata-testdata-module-inside-zip",
    "testbuffer",
    "testcapi",
    "testimportmultiple",
    "testinternalcapi",
    "testmultiphase",
    "textwrap",
    "this",
    "thread",
    "threading",
    "threading-local",
    "time",
    "timeit",
    "tix",
    "tkcolorchooser",
    "tkcommondialog",
    "tkconstants",
    "tkdnd",
    "tkfiledialog",
    "tkfont",
    "tkinter",
    "tkinter-colorchooser",
    "tkinter-commondialog",
    "tkinter-constants",
    "tkinter-dialog",
    "tkinter-dnd",
    "tkinter-filedialog",
    "tkinter-fix",
    "tkinter-font",
    "tkinter-main",
    "tkinter-messagebox",
    "tkinter-scrolledtext",
    "tkinter-simpledialog",
    "tkinter-test",
    "tkinter-test-runtktests",
    "tkinter-test-support",
    "tkinter-test-test-tkinter",
    "tkinter-test-test-tkinter-test-font",
    "tkinter-test-test-tkinter-test-geometry-managers",
    "tkinter-test-test-tkinter-test-images",
    "tkinter-test-test-tkinter-test-loadtk",
    "tkinter-test-test-tkinter-test-misc",
    "tkinter-test-test-tkinter-test-text",
    "tkinter-test-test-tkinter-test-variables",
    "tkinter-test-test-tkinter-test-widgets",
    "tkinter-test-test-ttk",
    "tkinter-test-test-ttk-test-extensions",
    "tkinter-test-test-ttk-test-functions",
    "tkinter-test-test-ttk-test-style",
    "tkinter-test-test-ttk-test-widgets",
    "tkinter-test-widget-tests",
    "tkinter-tix",
    "tkinter-ttk",
    "tkmessagebox",
    "tksimpledialog",
    "toaiff",
    "token",
    "tokenize",
    "tomllib",
    "trace",
    "traceback",
    "tracemalloc",
    "ttk",
    "tty",
    "turtle",
    "turtledemo",
    "turtledemo-bytedesign",
    "turtledemo-chaos",
    "turtledemo-clock",
    "turtledemo-colormixer",
    "turtledemo-forest",
    "turtledemo-fractalcurves",
    "turtledemo-lindenmayer",
    "turtledemo-main",
    "turtledemo-minimal-hanoi",
    "turtledemo-nim",
    "turtledemo-paint",
    "turtledemo-peace",
    "turtledemo-penrose",
    "turtledemo-planet-and-moon",
    "turtledemo-rosette",
    "turtledemo-round-dance",
    "turtledemo-sorting-animate",
    "turtledemo-tree",
    "turtledemo-two-canvases",
    "turtledemo-wikipedia",
    "turtledemo-yinyang",
    "types",
    "typing",
    "typing-io",
    "typing-re",
    "unicodedata",
    "unittest",
    "unittest-async-case",
    "unittest-case",
    "unittest-loader",
    "unittest-log",
    "unittest-main",
    "unittest-mock",
    "unittest-result",
    "unittest-runner",
    "unittest-signals",
    "unittest-suite",
    "unittest-test",
    "unittest-test-dummy",
    "unittest-test-main",
    "unittest-test-support",
    "unittest-test-test-assertions",
    "unittest-test-test-async-case",
    "unittest-test-test-break",
    "unittest-test-test-case",
    "unittest-test-test-discovery",
    "unittest-test-test-functiontestcase",
    "unittest-test-test-loader",
    "unittest-test-test-program",
    "unittest-test-test-result",
    "unittest-test-test-runner",
    "unittest-test-test-setups",
    "unittest-test-test-skipping",
    "unittest-test-test-suite",
    "unittest-test-test-warnings",
    "unittest-test-testmock",
    "unittest-test-testmock-main",
    "unittest-test-testmock-support",
    "unittest-test-testmock-testasync",
    "unittest-test-testmock-testcallable",
    "unittest-test-testmock-testhelpers",
    "unittest-test-testmock-testmagicmethods",
    "unittest-test-testmock-testmock",
    "unittest-test-testmock-testpatch",
    "unittest-test-testmock-testsealable",
    "unittest-test-testmock-testsentinel",
    "unittest-test-testmock-testwith",
    "unittest-util",
    "urllib",
    "urllib-error",
    "urllib-parse",
    "urllib-request",
    "urllib-response",
    "urllib-robotparser",
    "urllib2",
    "urlparse",
    "user",
    "userdict",
    "userlist",
    "userstring",
    "uu",
    "uuid",
    "venv",
    "venv-main",
    "videoreader",
    "w",
    "warnings",
    "wave",
    "weakref",
    "weakrefset",
    "webbrowser",
    "whichdb",
    "winapi",
    "winreg",
    "winsound",
    "wsgiref",
    "wsgiref-handlers",
    "wsgiref-headers",
    "wsgiref-simple-server",
    "wsgiref-util",
    "wsgiref-validate",
    "xdrlib",
    "xml",
    "xml-dom",
    "xml-dom-domreg",
    "xml-dom-expatbuilder",
    "xml-dom-minicompat",
    "xml-dom-minidom",
    "xml-dom-nodefilter",
    "xml-dom-pulldom",
    "xml-dom-xmlbuilder",
    "xml-etree",
    "xml-etree-celementtree",
    "xml-etree-elementinclude",
    "xml-etree-elementpath",
    "xml-etree-elementtree",
    "xml-parsers",
    "xml-parsers-expat",
    "xml-parsers-expat-errors",
    "xml-parsers-expat-model",
    "xml-sax",
    "xml-sax-exceptions",
    "xml-sax-expatreader",
    "xml-sax-handler",
    "xml-sax-saxutils",
    "xml-sax-xmlreader",
    "xmllib",
    "xmlrpc",
    "xmlrpc-client",
    "xmlrpc-server",
    "xmlrpclib",
    "xxlimited",
    "xxsubinterpreters",
    "xxsubtype",
    "xxtestfuzz",
    "zipapp",
    "zipfile",
    "zipimport",
    "zlib",
    "zoneinfo",
    "zoneinfo-common",
    "zoneinfo-tzpath",
    "zoneinfo-zoneinfo"
  ]
};

// src/pypi/rules/names.ts
var STDLIB = new Set(stdlib_names_default.names);
var HELP = "See https://pypi.org/help/#project-name for more information.";
function ultranormalizeName(name) {
  return name.replace(/[._-]/g, "").replace(/[lLiI]/g, "1").replace(/[oO]/g, "0").toLowerCase();
}
function isStdlibName(name) {
  return STDLIB.has(normalizeProjectName(name.replace(/^[-_.]+|[-_.]+$/g, "")));
}
function checkProjectName(name, newProject, found) {
  if (newProject === false) return;
  if (isStdlibName(name)) {
    const message = `The name '${name}' isn't allowed (conflict with Python Standard Library module name). ${HELP}`;
    if (newProject)
      found.refuse(
        "stdlib-name",
        message,
        "Choose another project name (the import name may stay): PyPI keeps standard-library module names, of every Python version, for itself."
      );
    else
      found.warn(
        `If ${name} is not on the index yet, its first upload will be refused: "${message}" (${stdlib_names_default.source}). \`step: publish\` asks each index before the first upload and stops if the project is new there.`
      );
  }
  if (newProject)
    found.warn(
      `${name} is a new project: PyPI also refuses a name that is too similar to an existing project ("The name '${name}' is too similar to an existing project. ${HELP}"): after dropping . _ -, turning l, L, i, I into 1 and o, O into 0 and lowercasing, '${ultranormalizeName(name)}' must not equal any existing project's name so treated (e.g. Iogging \u2248 logging, py-yaml \u2248 pyyaml). The action cannot see PyPI's project list; a pending publisher only reserves the name you registered.`
    );
}

// src/pypi/rules/data/classifiers.json
var classifiers_default = {
  source: "trove-classifiers 2026.1.14.14 (pypa/trove-classifiers at 05cc151, 2026-01-14)",
  refreshed: "2026-12-01",
  classifiers: [
    "Development Status :: 1 - Planning",
    "Development Status :: 2 - Pre-Alpha",
    "Development Status :: 3 - Alpha",
    "Development Status :: 4 - Beta",
    "Development Status :: 5 - Production/Stable",
    "Development Status :: 6 - Mature",
    "Development Status :: 7 - Inactive",
    "Environment :: Console",
    "Environment :: Console :: Curses",
    "Environment :: Console :: Framebuffer",
    "Environment :: Console :: Newt",
    "Environment :: Console :: svgalib",
    "Environment :: Cygwin (MS Windows)",
    "Environment :: GPU",
    "Environment :: GPU :: NVIDIA CUDA",
    "Environment :: GPU :: NVIDIA CUDA :: 1.0",
    "Environment :: GPU :: NVIDIA CUDA :: 1.1",
    "Environment :: GPU :: NVIDIA CUDA :: 10.0",
    "Environment :: GPU :: NVIDIA CUDA :: 10.1",
    "Environment :: GPU :: NVIDIA CUDA :: 10.2",
    "Environment :: GPU :: NVIDIA CUDA :: 11",
    "Environment :: GPU :: NVIDIA CUDA :: 11.0",
    "Environment :: GPU :: NVIDIA CUDA :: 11.1",
    "Environment :: GPU :: NVIDIA CUDA :: 11.2",
    "Environment :: GPU :: NVIDIA CUDA :: 11.3",
    "Environment :: GPU :: NVIDIA CUDA :: 11.4",
    "Environment :: GPU :: NVIDIA CUDA :: 11.5",
    "Environment :: GPU :: NVIDIA CUDA :: 11.6",
    "Environment :: GPU :: NVIDIA CUDA :: 11.7",
    "Environment :: GPU :: NVIDIA CUDA :: 11.8",
    "Environment :: GPU :: NVIDIA CUDA :: 12",
    "Environment :: GPU :: NVIDIA CUDA :: 12 :: 12.0",
    "Environment :: GPU :: NVIDIA CUDA :: 12 :: 12.1",
    "Environment :: GPU :: NVIDIA CUDA :: 12 :: 12.2",
    "Environment :: GPU :: NVIDIA CUDA :: 12 :: 12.3",
    "Environment :: GPU :: NVIDIA CUDA :: 12 :: 12.4",
    "Environment :: GPU :: NVIDIA CUDA :: 12 :: 12.5",
    "Environment :: GPU :: NVIDIA CUDA :: 12 :: 12.6",
    "Environment :: GPU :: NVIDIA CUDA :: 13",
    "Environment :: GPU :: NVIDIA CUDA :: 2.0",
    "Environment :: GPU :: NVIDIA CUDA :: 2.1",
    "Environment :: GPU :: NVIDIA CUDA :: 2.2",
    "Environment :: GPU :: NVIDIA CUDA :: 2.3",
    "Environment :: GPU :: NVIDIA CUDA :: 3.0",
    "Environment :: GPU :: NVIDIA CUDA :: 3.1",
    "Environment :: GPU :: NVIDIA CUDA :: 3.2",
    "Environment :: GPU :: NVIDIA CUDA :: 4.0",
    "Environment :: GPU :: NVIDIA CUDA :: 4.1",
    "Environment :: GPU :: NVIDIA CUDA :: 4.2",
    "Environment :: GPU :: NVIDIA CUDA :: 5.0",
    "Environment :: GPU :: NVIDIA CUDA :: 5.5",
    "Environment :: GPU :: NVIDIA CUDA :: 6.0",
    "Environment :: GPU :: NVIDIA CUDA :: 6.5",
    "Environment :: GPU :: NVIDIA CUDA :: 7.0",
    "Environment :: GPU :: NVIDIA CUDA :: 7.5",
    "Environment :: GPU :: NVIDIA CUDA :: 8.0",
    "Environment :: GPU :: NVIDIA CUDA :: 9.0",
    "Environment :: GPU :: NVIDIA CUDA :: 9.1",
    "Environment :: GPU :: NVIDIA CUDA :: 9.2",
    "Environment :: Handhelds/PDA's",
    "Environment :: MacOS X",
    "Environment :: MacOS X :: Aqua",
    "Environment :: MacOS X :: Carbon",
    "Environment :: MacOS X :: Cocoa",
    "Environment :: No Input/Output (Daemon)",
    "Environment :: OpenStack",
    "Environment :: Other Environment",
    "Environment :: Plugins",
    "Environment :: Web Environment",
    "Environment :: Web Environment :: Buffet",
    "Environment :: Web Environment :: Mozilla",
    "Environment :: Web Environment :: ToscaWidgets",
    "Environment :: WebAssembly",
    "Environment :: WebAssembly :: Emscripten",
    "Environment :: WebAssembly :: WASI",
    "Environment :: Win32 (MS Windows)",
    "Environment :: X11 Applications",
    "Environment :: X11 Applications :: GTK",
    "Environment :: X11 Applications :: Gnome",
    "Environment :: X11 Applications :: KDE",
    "Environment :: X11 Applications :: Qt",
    "Framework :: AWS CDK",
    "Framework :: AWS CDK :: 1",
    "Framework :: AWS CDK :: 2",
    "Framework :: AiiDA",
    "Framework :: Ansible",
    "Framework :: AnyIO",
    "Framework :: Apache Airflow",
    "Framework :: Apache Airflow :: Provider",
    "Framework :: AsyncIO",
    "Framework :: BEAT",
    "Framework :: BFG",
    "Framework :: Bob",
    "Framework :: Bottle",
    "Framework :: Buildout",
    "Framework :: Buildout :: Extension",
    "Framework :: Buildout :: Recipe",
    "Framework :: CastleCMS",
    "Framework :: CastleCMS :: Theme",
    "Framework :: Celery",
    "Framework :: Chandler",
    "Framework :: CherryPy",
    "Framework :: CubicWeb",
    "Framework :: Dash",
    "Framework :: Datasette",
    "Framework :: Django",
    "Framework :: Django :: 1",
    "Framework :: Django :: 1.10",
    "Framework :: Django :: 1.11",
    "Framework :: Django :: 1.4",
    "Framework :: Django :: 1.5",
    "Framework :: Django :: 1.6",
    "Framework :: Django :: 1.7",
    "Framework :: Django :: 1.8",
    "Framework :: Django :: 1.9",
    "Framework :: Django :: 2",
    "Framework :: Django :: 2.0",
    "Framework :: Django :: 2.1",
    "Framework :: Django :: 2.2",
    "Framework :: Django :: 3",
    "Framework :: Django :: 3.0",
    "Framework :: Django :: 3.1",
    "Framework :: Django :: 3.2",
    "Framework :: Django :: 4",
    "Framework :: Django :: 4.0",
    "Framework :: Django :: 4.1",
    "Framework :: Django :: 4.2",
    "Framework :: Django :: 5",
    "Framework :: Django :: 5.0",
    "Framework :: Django :: 5.1",
    "Framework :: Django :: 5.2",
    "Framework :: Django :: 6",
    "Framework :: Django :: 6.0",
    "Framework :: Django CMS",
    "Framework :: Django CMS :: 3.10",
    "Framework :: Django CMS :: 3.11",
    "Framework :: Django CMS :: 3.4",
    "Framework :: Django CMS :: 3.5",
    "Framework :: Django CMS :: 3.6",
    "Framework :: Django CMS :: 3.7",
    "Framework :: Django CMS :: 3.8",
    "Framework :: Django CMS :: 3.9",
    "Framework :: Django CMS :: 4.0",
    "Framework :: Django CMS :: 4.1",
    "Framework :: Django CMS :: 5.0",
    "Framework :: Django CMS :: 5.1",
    "Framework :: FastAPI",
    "Framework :: Flake8",
    "Framework :: Flask",
    "Framework :: Hatch",
    "Framework :: Hypothesis",
    "Framework :: IDLE",
    "Framework :: IPython",
    "Framework :: InvenTree",
    "Framework :: Jupyter",
    "Framework :: Jupyter :: JupyterLab",
    "Framework :: Jupyter :: JupyterLab :: 1",
    "Framework :: Jupyter :: JupyterLab :: 2",
    "Framework :: Jupyter :: JupyterLab :: 3",
    "Framework :: Jupyter :: JupyterLab :: 4",
    "Framework :: Jupyter :: JupyterLab :: Extensions",
    "Framework :: Jupyter :: JupyterLab :: Extensions :: Mime Renderers",
    "Framework :: Jupyter :: JupyterLab :: Extensions :: Prebuilt",
    "Framework :: Jupyter :: JupyterLab :: Extensions :: Themes",
    "Framework :: Kedro",
    "Framework :: Lektor",
    "Framework :: Masonite",
    "Framework :: Matplotlib",
    "Framework :: MkDocs",
    "Framework :: Nengo",
    "Framework :: Odoo",
    "Framework :: Odoo :: 10.0",
    "Framework :: Odoo :: 11.0",
    "Framework :: Odoo :: 12.0",
    "Framework :: Odoo :: 13.0",
    "Framework :: Odoo :: 14.0",
    "Framework :: Odoo :: 15.0",
    "Framework :: Odoo :: 16.0",
    "Framework :: Odoo :: 17.0",
    "Framework :: Odoo :: 18.0",
    "Framework :: Odoo :: 19.0",
    "Framework :: Odoo :: 8.0",
    "Framework :: Odoo :: 9.0",
    "Framework :: OpenTelemetry",
    "Framework :: OpenTelemetry :: Distros",
    "Framework :: OpenTelemetry :: Exporters",
    "Framework :: OpenTelemetry :: Instrumentations",
    "Framework :: Opps",
    "Framework :: Paste",
    "Framework :: Pelican",
    "Framework :: Pelican :: Plugins",
    "Framework :: Pelican :: Themes",
    "Framework :: Plone",
    "Framework :: Plone :: 3.2",
    "Framework :: Plone :: 3.3",
    "Framework :: Plone :: 4.0",
    "Framework :: Plone :: 4.1",
    "Framework :: Plone :: 4.2",
    "Framework :: Plone :: 4.3",
    "Framework :: Plone :: 5.0",
    "Framework :: Plone :: 5.1",
    "Framework :: Plone :: 5.2",
    "Framework :: Plone :: 5.3",
    "Framework :: Plone :: 6.0",
    "Framework :: Plone :: 6.1",
    "Framework :: Plone :: 6.2",
    "Framework :: Plone :: Addon",
    "Framework :: Plone :: Core",
    "Framework :: Plone :: Distribution",
    "Framework :: Plone :: Theme",
    "Framework :: PySimpleGUI",
    "Framework :: PySimpleGUI :: 4",
    "Framework :: PySimpleGUI :: 5",
    "Framework :: Pycsou",
    "Framework :: Pydantic",
    "Framework :: Pydantic :: 1",
    "Framework :: Pydantic :: 2",
    "Framework :: Pylons",
    "Framework :: Pyodide",
    "Framework :: Pyramid",
    "Framework :: Pytest",
    "Framework :: Review Board",
    "Framework :: Robot Framework",
    "Framework :: Robot Framework :: Library",
    "Framework :: Robot Framework :: Tool",
    "Framework :: Scrapy",
    "Framework :: Setuptools Plugin",
    "Framework :: Sphinx",
    "Framework :: Sphinx :: Domain",
    "Framework :: Sphinx :: Extension",
    "Framework :: Sphinx :: Theme",
    "Framework :: Trac",
    "Framework :: Trio",
    "Framework :: Tryton",
    "Framework :: TurboGears",
    "Framework :: TurboGears :: Applications",
    "Framework :: TurboGears :: Widgets",
    "Framework :: Twisted",
    "Framework :: Wagtail",
    "Framework :: Wagtail :: 1",
    "Framework :: Wagtail :: 2",
    "Framework :: Wagtail :: 3",
    "Framework :: Wagtail :: 4",
    "Framework :: Wagtail :: 5",
    "Framework :: Wagtail :: 6",
    "Framework :: Wagtail :: 7",
    "Framework :: ZODB",
    "Framework :: Zope",
    "Framework :: Zope :: 2",
    "Framework :: Zope :: 3",
    "Framework :: Zope :: 4",
    "Framework :: Zope :: 5",
    "Framework :: Zope :: 6",
    "Framework :: Zope2",
    "Framework :: Zope3",
    "Framework :: aiohttp",
    "Framework :: cocotb",
    "Framework :: napari",
    "Framework :: tox",
    "Intended Audience :: Customer Service",
    "Intended Audience :: Developers",
    "Intended Audience :: Education",
    "Intended Audience :: End Users/Desktop",
    "Intended Audience :: Financial and Insurance Industry",
    "Intended Audience :: Healthcare Industry",
    "Intended Audience :: Information Technology",
    "Intended Audience :: Legal Industry",
    "Intended Audience :: Manufacturing",
    "Intended Audience :: Other Audience",
    "Intended Audience :: Religion",
    "Intended Audience :: Science/Research",
    "Intended Audience :: System Administrators",
    "Intended Audience :: Telecommunications Industry",
    "License :: Aladdin Free Public License (AFPL)",
    "License :: CC0 1.0 Universal (CC0 1.0) Public Domain Dedication",
    "License :: CeCILL-B Free Software License Agreement (CECILL-B)",
    "License :: CeCILL-C Free Software License Agreement (CECILL-C)",
    "License :: DFSG approved",
    "License :: Eiffel Forum License (EFL)",
    "License :: Free For Educational Use",
    "License :: Free For Home Use",
    "License :: Free To Use But Restricted",
    "License :: Free for non-commercial use",
    "License :: Freely Distributable",
    "License :: Freeware",
    "License :: GUST Font License 1.0",
    "License :: GUST Font License 2006-09-30",
    "License :: Netscape Public License (NPL)",
    "License :: Nokia Open Source License (NOKOS)",
    "License :: OSI Approved",
    "License :: OSI Approved :: Academic Free License (AFL)",
    "License :: OSI Approved :: Apache Software License",
    "License :: OSI Approved :: Apple Public Source License",
    "License :: OSI Approved :: Artistic License",
    "License :: OSI Approved :: Attribution Assurance License",
    "License :: OSI Approved :: BSD License",
    "License :: OSI Approved :: Blue Oak Model License (BlueOak-1.0.0)",
    "License :: OSI Approved :: Boost Software License 1.0 (BSL-1.0)",
    "License :: OSI Approved :: CEA CNRS Inria Logiciel Libre License, version 2.1 (CeCILL-2.1)",
    "License :: OSI Approved :: CMU License (MIT-CMU)",
    "License :: OSI Approved :: Common Development and Distribution License 1.0 (CDDL-1.0)",
    "License :: OSI Approved :: Common Public License",
    "License :: OSI Approved :: Eclipse Public License 1.0 (EPL-1.0)",
    "License :: OSI Approved :: Eclipse Public License 2.0 (EPL-2.0)",
    "License :: OSI Approved :: Educational Community License, Version 2.0 (ECL-2.0)",
    "License :: OSI Approved :: Eiffel Forum License",
    "License :: OSI Approved :: European Union Public Licence 1.0 (EUPL 1.0)",
    "License :: OSI Approved :: European Union Public Licence 1.1 (EUPL 1.1)",
    "License :: OSI Approved :: European Union Public Licence 1.2 (EUPL 1.2)",
    "License :: OSI Approved :: GNU Affero General Public License v3",
    "License :: OSI Approved :: GNU Affero General Public License v3 or later (AGPLv3+)",
    "License :: OSI Approved :: GNU Free Documentation License (FDL)",
    "License :: OSI Approved :: GNU General Public License (GPL)",
    "License :: OSI Approved :: GNU General Public License v2 (GPLv2)",
    "License :: OSI Approved :: GNU General Public License v2 or later (GPLv2+)",
    "License :: OSI Approved :: GNU General Public License v3 (GPLv3)",
    "License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)",
    "License :: OSI Approved :: GNU Lesser General Public License v2 (LGPLv2)",
    "License :: OSI Approved :: GNU Lesser General Public License v2 or later (LGPLv2+)",
    "License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)",
    "License :: OSI Approved :: GNU Lesser General Public License v3 or later (LGPLv3+)",
    "License :: OSI Approved :: GNU Library or Lesser General Public License (LGPL)",
    "License :: OSI Approved :: Historical Permission Notice and Disclaimer (HPND)",
    "License :: OSI Approved :: IBM Public License",
    "License :: OSI Approved :: ISC License (ISCL)",
    "License :: OSI Approved :: MIT License",
    "License :: OSI Approved :: MIT No Attribution License (MIT-0)",
    "License :: OSI Approved :: MirOS License (MirOS)",
    "License :: OSI Approved :: Motosoto License",
    "License :: OSI Approved :: Mozilla Public License 1.0 (MPL)",
    "License :: OSI Approved :: Mozilla Public License 1.1 (MPL 1.1)",
    "License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)",
    "License :: OSI Approved :: Mulan Permissive Software License v2 (MulanPSL-2.0)",
    "License :: OSI Approved :: NASA Open Source Agreement v1.3 (NASA-1.3)",
    "License :: OSI Approved :: Nethack General Public License",
    "License :: OSI Approved :: Nokia Open Source License",
    "License :: OSI Approved :: Open Group Test Suite License",
    "License :: OSI Approved :: Open Software License 3.0 (OSL-3.0)",
    "License :: OSI Approved :: PostgreSQL License",
    "License :: OSI Approved :: Python License (CNRI Python License)",
    "License :: OSI Approved :: Python Software Foundation License",
    "License :: OSI Approved :: Qt Public License (QPL)",
    "License :: OSI Approved :: Ricoh Source Code Public License",
    "License :: OSI Approved :: SIL Open Font License 1.1 (OFL-1.1)",
    "License :: OSI Approved :: Sleepycat License",
    "License :: OSI Approved :: Sun Public License",
    "License :: OSI Approved :: The Unlicense (Unlicense)",
    "License :: OSI Approved :: Universal Permissive License (UPL)",
    "License :: OSI Approved :: University of Illinois/NCSA Open Source License",
    "License :: OSI Approved :: Vovida Software License 1.0",
    "License :: OSI Approved :: W3C License",
    "License :: OSI Approved :: Zero-Clause BSD (0BSD)",
    "License :: OSI Approved :: Zope Public License",
    "License :: OSI Approved :: zlib/libpng License",
    "License :: Other/Proprietary License",
    "License :: Public Domain",
    "License :: Repoze Public License",
    "Natural Language :: Afrikaans",
    "Natural Language :: Arabic",
    "Natural Language :: Armenian",
    "Natural Language :: Basque",
    "Natural Language :: Bengali",
    "Natural Language :: Bosnian",
    "Natural Language :: Bulgarian",
    "Natural Language :: Cantonese",
    "Natural Language :: Catalan",
    "Natural Language :: Catalan (Valencian)",
    "Natural Language :: Chinese (Simplified)",
    "Natural Language :: Chinese (Traditional)",
    "Natural Language :: Croatian",
    "Natural Language :: Czech",
    "Natural Language :: Danish",
    "Natural Language :: Dutch",
    "Natural Language :: English",
    "Natural Language :: Esperanto",
    "Natural Language :: Estonian",
    "Natural Language :: Finnish",
    "Natural Language :: French",
    "Natural Language :: Galician",
    "Natural Language :: Georgian",
    "Natural Language :: German",
    "Natural Language :: Greek",
    "Natural Language :: Hebrew",
    "Natural Language :: Hindi",
    "Natural Language :: Hungarian",
    "Natural Language :: Icelandic",
    "Natural Language :: Indonesian",
    "Natural Language :: Irish",
    "Natural Language :: Italian",
    "Natural Language :: Japanese",
    "Natural Language :: Javanese",
    "Natural Language :: Korean",
    "Natural Language :: Latin",
    "Natural Language :: Latvian",
    "Natural Language :: Lithuanian",
    "Natural Language :: Macedonian",
    "Natural Language :: Malay",
    "Natural Language :: Marathi",
    "Natural Language :: Nepali",
    "Natural Language :: Norwegian",
    "Natural Language :: Panjabi",
    "Natural Language :: Persian",
    "Natural Language :: Polish",
    "Natural Language :: Portuguese",
    "Natural Language :: Portuguese (Brazilian)",
    "Natural Language :: Romanian",
    "Natural Language :: Russian",
    "Natural Language :: Serbian",
    "Natural Language :: Slovak",
    "Natural Language :: Slovenian",
    "Natural Language :: Spanish",
    "Natural Language :: Swedish",
    "Natural Language :: Tamil",
    "Natural Language :: Telugu",
    "Natural Language :: Thai",
    "Natural Language :: Tibetan",
    "Natural Language :: Turkish",
    "Natural Language :: Ukrainian",
    "Natural Language :: Urdu",
    "Natural Language :: Vietnamese",
    "Natural Language :: Yiddish",
    "Operating System :: Android",
    "Operating System :: BeOS",
    "Operating System :: MacOS",
    "Operating System :: MacOS :: MacOS 9",
    "Operating System :: MacOS :: MacOS X",
    "Operating System :: Microsoft",
    "Operating System :: Microsoft :: MS-DOS",
    "Operating System :: Microsoft :: Windows",
    "Operating System :: Microsoft :: Windows :: Windows 10",
    "Operating System :: Microsoft :: Windows :: Windows 11",
    "Operating System :: Microsoft :: Windows :: Windows 3.1 or Earlier",
    "Operating System :: Microsoft :: Windows :: Windows 7",
    "Operating System :: Microsoft :: Windows :: Windows 8",
    "Operating System :: Microsoft :: Windows :: Windows 8.1",
    "Operating System :: Microsoft :: Windows :: Windows 95/98/2000",
    "Operating System :: Microsoft :: Windows :: Windows CE",
    "Operating System :: Microsoft :: Windows :: Windows NT/2000",
    "Operating System :: Microsoft :: Windows :: Windows Server 2003",
    "Operating System :: Microsoft :: Windows :: Windows Server 2008",
    "Operating System :: Microsoft :: Windows :: Windows Vista",
    "Operating System :: Microsoft :: Windows :: Windows XP",
    "Operating System :: OS Independent",
    "Operating System :: OS/2",
    "Operating System :: Other OS",
    "Operating System :: PDA Systems",
    "Operating System :: POSIX",
    "Operating System :: POSIX :: AIX",
    "Operating System :: POSIX :: BSD",
    "Operating System :: POSIX :: BSD :: BSD/OS",
    "Operating System :: POSIX :: BSD :: FreeBSD",
    "Operating System :: POSIX :: BSD :: NetBSD",
    "Operating System :: POSIX :: BSD :: OpenBSD",
    "Operating System :: POSIX :: GNU Hurd",
    "Operating System :: POSIX :: HP-UX",
    "Operating System :: POSIX :: IRIX",
    "Operating System :: POSIX :: Linux",
    "Operating System :: POSIX :: Other",
    "Operating System :: POSIX :: SCO",
    "Operating System :: POSIX :: SunOS/Solaris",
    "Operating System :: PalmOS",
    "Operating System :: RISC OS",
    "Operating System :: Unix",
    "Operating System :: iOS",
    "Programming Language :: APL",
    "Programming Language :: ASP",
    "Programming Language :: Ada",
    "Programming Language :: Assembly",
    "Programming Language :: Awk",
    "Programming Language :: Basic",
    "Programming Language :: C",
    "Programming Language :: C#",
    "Programming Language :: C++",
    "Programming Language :: Cold Fusion",
    "Programming Language :: Cython",
    "Programming Language :: D",
    "Programming Language :: Delphi/Kylix",
    "Programming Language :: Dylan",
    "Programming Language :: Eiffel",
    "Programming Language :: Emacs-Lisp",
    "Programming Language :: Erlang",
    "Programming Language :: Euler",
    "Programming Language :: Euphoria",
    "Programming Language :: F#",
    "Programming Language :: Forth",
    "Programming Language :: Fortran",
    "Programming Language :: Go",
    "Programming Language :: Haskell",
    "Programming Language :: Hy",
    "Programming Language :: Java",
    "Programming Language :: JavaScript",
    "Programming Language :: Kotlin",
    "Programming Language :: Lisp",
    "Programming Language :: Logo",
    "Programming Language :: Lua",
    "Programming Language :: ML",
    "Programming Language :: Modula",
    "Programming Language :: OCaml",
    "Programming Language :: Object Pascal",
    "Programming Language :: Objective C",
    "Programming Language :: Other",
    "Programming Language :: Other Scripting Engines",
    "Programming Language :: PHP",
    "Programming Language :: PL/SQL",
    "Programming Language :: PROGRESS",
    "Programming Language :: Pascal",
    "Programming Language :: Perl",
    "Programming Language :: Pike",
    "Programming Language :: Pliant",
    "Programming Language :: Prolog",
    "Programming Language :: Python",
    "Programming Language :: Python :: 2",
    "Programming Language :: Python :: 2 :: Only",
    "Programming Language :: Python :: 2.3",
    "Programming Language :: Python :: 2.4",
    "Programming Language :: Python :: 2.5",
    "Programming Language :: Python :: 2.6",
    "Programming Language :: Python :: 2.7",
    "Programming Language :: Python :: 3",
    "Programming Language :: Python :: 3 :: Only",
    "Programming Language :: Python :: 3.0",
    "Programming Language :: Python :: 3.1",
    "Programming Language :: Python :: 3.10",
    "Programming Language :: Python :: 3.11",
    "Programming Language :: Python :: 3.12",
    "Programming Language :: Python :: 3.13",
    "Programming Language :: Python :: 3.14",
    "Programming Language :: Python :: 3.15",
    "Programming Language :: Python :: 3.2",
    "Programming Language :: Python :: 3.3",
    "Programming Language :: Python :: 3.4",
    "Programming Language :: Python :: 3.5",
    "Programming Language :: Python :: 3.6",
    "Programming Language :: Python :: 3.7",
    "Programming Language :: Python :: 3.8",
    "Programming Language :: Python :: 3.9",
    "Programming Language :: Python :: Free Threading",
    "Programming Language :: Python :: Free Threading :: 1 - Unstable",
    "Programming Language :: Python :: Free Threading :: 2 - Beta",
    "Programming Language :: Python :: Free Threading :: 3 - Stable",
    "Programming Language :: Python :: Free Threading :: 4 - Resilient",
    "Programming Language :: Python :: Implementation",
    "Programming Language :: Python :: Implementation :: CPython",
    "Programming Language :: Python :: Implementation :: GraalPy",
    "Programming Language :: Python :: Implementation :: IronPython",
    "Programming Language :: Python :: Implementation :: Jython",
    "Programming Language :: Python :: Implementation :: MicroPython",
    "Programming Language :: Python :: Implementation :: PyPy",
    "Programming Language :: Python :: Implementation :: Stackless",
    "Programming Language :: R",
    "Programming Language :: REBOL",
    "Programming Language :: Rexx",
    "Programming Language :: Ruby",
    "Programming Language :: Rust",
    "Programming Language :: SQL",
    "Programming Language :: Scheme",
    "Programming Language :: Simula",
    "Programming Language :: Smalltalk",
    "Programming Language :: Tcl",
    "Programming Language :: Unix Shell",
    "Programming Language :: Visual Basic",
    "Programming Language :: XBasic",
    "Programming Language :: YACC",
    "Programming Language :: Zig",
    "Programming Language :: Zope",
    "Topic :: Adaptive Technologies",
    "Topic :: Artistic Software",
    "Topic :: Communications",
    "Topic :: Communications :: BBS",
    "Topic :: Communications :: Chat",
    "Topic :: Communications :: Chat :: ICQ",
    "Topic :: Communications :: Chat :: Internet Relay Chat",
    "Topic :: Communications :: Chat :: Unix Talk",
    "Topic :: Communications :: Conferencing",
    "Topic :: Communications :: Email",
    "Topic :: Communications :: Email :: Address Book",
    "Topic :: Communications :: Email :: Email Clients (MUA)",
    "Topic :: Communications :: Email :: Filters",
    "Topic :: Communications :: Email :: Mail Transport Agents",
    "Topic :: Communications :: Email :: Mailing List Servers",
    "Topic :: Communications :: Email :: Post-Office",
    "Topic :: Communications :: Email :: Post-Office :: IMAP",
    "Topic :: Communications :: Email :: Post-Office :: POP3",
    "Topic :: Communications :: FIDO",
    "Topic :: Communications :: Fax",
    "Topic :: Communications :: File Sharing",
    "Topic :: Communications :: File Sharing :: Gnutella",
    "Topic :: Communications :: File Sharing :: Napster",
    "Topic :: Communications :: Ham Radio",
    "Topic :: Communications :: Internet Phone",
    "Topic :: Communications :: Telephony",
    "Topic :: Communications :: Usenet News",
    "Topic :: Database",
    "Topic :: Database :: Database Engines/Servers",
    "Topic :: Database :: Front-Ends",
    "Topic :: Desktop Environment",
    "Topic :: Desktop Environment :: File Managers",
    "Topic :: Desktop Environment :: GNUstep",
    "Topic :: Desktop Environment :: Gnome",
    "Topic :: Desktop Environment :: K Desktop Environment (KDE)",
    "Topic :: Desktop Environment :: K Desktop Environment (KDE) :: Themes",
    "Topic :: Desktop Environment :: PicoGUI",
    "Topic :: Desktop Environment :: PicoGUI :: Applications",
    "Topic :: Desktop Environment :: PicoGUI :: Themes",
    "Topic :: Desktop Environment :: Screen Savers",
    "Topic :: Desktop Environment :: Window Managers",
    "Topic :: Desktop Environment :: Window Managers :: Afterstep",
    "Topic :: Desktop Environment :: Window Managers :: Afterstep :: Themes",
    "Topic :: Desktop Environment :: Window Managers :: Applets",
    "Topic :: Desktop Environment :: Window Managers :: Blackbox",
    "Topic :: Desktop Environment :: Window Managers :: Blackbox :: Themes",
    "Topic :: Desktop Environment :: Window Managers :: CTWM",
    "Topic :: Desktop Environment :: Window Managers :: CTWM :: Themes",
    "Topic :: Desktop Environment :: Window Managers :: Enlightenment",
    "Topic :: Desktop Environment :: Window Managers :: Enlightenment :: Epplets",
    "Topic :: Desktop Environment :: Window Managers :: Enlightenment :: Themes DR15",
    "Topic :: Desktop Environment :: Window Managers :: Enlightenment :: Themes DR16",
    "Topic :: Desktop Environment :: Window Managers :: Enlightenment :: Themes DR17",
    "Topic :: Desktop Environment :: Window Managers :: FVWM",
    "Topic :: Desktop Environment :: Window Managers :: FVWM :: Themes",
    "Topic :: Desktop Environment :: Window Managers :: Fluxbox",
    "Topic :: Desktop Environment :: Window Managers :: Fluxbox :: Themes",
    "Topic :: Desktop Environment :: Window Managers :: IceWM",
    "Topic :: Desktop Environment :: Window Managers :: IceWM :: Themes",
    "Topic :: Desktop Environment :: Window Managers :: MetaCity",
    "Topic :: Desktop Environment :: Window Managers :: MetaCity :: Themes",
    "Topic :: Desktop Environment :: Window Managers :: Oroborus",
    "Topic :: Desktop Environment :: Window Managers :: Oroborus :: Themes",
    "Topic :: Desktop Environment :: Window Managers :: Sawfish",
    "Topic :: Desktop Environment :: Window Managers :: Sawfish :: Themes 0.30",
    "Topic :: Desktop Environment :: Window Managers :: Sawfish :: Themes pre-0.30",
    "Topic :: Desktop Environment :: Window Managers :: Waimea",
    "Topic :: Desktop Environment :: Window Managers :: Waimea :: Themes",
    "Topic :: Desktop Environment :: Window Managers :: Window Maker",
    "Topic :: Desktop Environment :: Window Managers :: Window Maker :: Applets",
    "Topic :: Desktop Environment :: Window Managers :: Window Maker :: Themes",
    "Topic :: Desktop Environment :: Window Managers :: XFCE",
    "Topic :: Desktop Environment :: Window Managers :: XFCE :: Themes",
    "Topic :: Documentation",
    "Topic :: Documentation :: Sphinx",
    "Topic :: Education",
    "Topic :: Education :: Computer Aided Instruction (CAI)",
    "Topic :: Education :: Testing",
    "Topic :: File Formats",
    "Topic :: File Formats :: JSON",
    "Topic :: File Formats :: JSON :: JSON Schema",
    "Topic :: Games/Entertainment",
    "Topic :: Games/Entertainment :: Arcade",
    "Topic :: Games/Entertainment :: Board Games",
    "Topic :: Games/Entertainment :: First Person Shooters",
    "Topic :: Games/Entertainment :: Fortune Cookies",
    "Topic :: Games/Entertainment :: Multi-User Dungeons (MUD)",
    "Topic :: Games/Entertainment :: Puzzle Games",
    "Topic :: Games/Entertainment :: Real Time Strategy",
    "Topic :: Games/Entertainment :: Role-Playing",
    "Topic :: Games/Entertainment :: Side-Scrolling/Arcade Games",
    "Topic :: Games/Entertainment :: Simulation",
    "Topic :: Games/Entertainment :: Turn Based Strategy",
    "Topic :: Home Automation",
    "Topic :: Internet",
    "Topic :: Internet :: File Transfer Protocol (FTP)",
    "Topic :: Internet :: Finger",
    "Topic :: Internet :: Log Analysis",
    "Topic :: Internet :: Name Service (DNS)",
    "Topic :: Internet :: Proxy Servers",
    "Topic :: Internet :: WAP",
    "Topic :: Internet :: WWW/HTTP",
    "Topic :: Internet :: WWW/HTTP :: Browsers",
    "Topic :: Internet :: WWW/HTTP :: Dynamic Content",
    "Topic :: Internet :: WWW/HTTP :: Dynamic Content :: CGI Tools/Libraries",
    "Topic :: Internet :: WWW/HTTP :: Dynamic Content :: Content Management System",
    "Topic :: Internet :: WWW/HTTP :: Dynamic Content :: Message Boards",
    "Topic :: Internet :: WWW/HTTP :: Dynamic Content :: News/Diary",
    "Topic :: Internet :: WWW/HTTP :: Dynamic Content :: Page Counters",
    "Topic :: Internet :: WWW/HTTP :: Dynamic Content :: Wiki",
    "Topic :: Internet :: WWW/HTTP :: HTTP Servers",
    "Topic :: Internet :: WWW/HTTP :: Indexing/Search",
    "Topic :: Internet :: WWW/HTTP :: Session",
    "Topic :: Internet :: WWW/HTTP :: Site Management",
    "Topic :: Internet :: WWW/HTTP :: Site Management :: Link Checking",
    "Topic :: Internet :: WWW/HTTP :: WSGI",
    "Topic :: Internet :: WWW/HTTP :: WSGI :: Application",
    "Topic :: Internet :: WWW/HTTP :: WSGI :: Middleware",
    "Topic :: Internet :: WWW/HTTP :: WSGI :: Server",
    "Topic :: Internet :: XMPP",
    "Topic :: Internet :: Z39.50",
    "Topic :: Multimedia",
    "Topic :: Multimedia :: Graphics",
    "Topic :: Multimedia :: Graphics :: 3D Modeling",
    "Topic :: Multimedia :: Graphics :: 3D Rendering",
    "Topic :: Multimedia :: Graphics :: Capture",
    "Topic :: Multimedia :: Graphics :: Capture :: Digital Camera",
    "Topic :: Multimedia :: Graphics :: Capture :: Scanners",
    "Topic :: Multimedia :: Graphics :: Capture :: Screen Capture",
    "Topic :: Multimedia :: Graphics :: Editors",
    "Topic :: Multimedia :: Graphics :: Editors :: Raster-Based",
    "Topic :: Multimedia :: Graphics :: Editors :: Vector-Based",
    "Topic :: Multimedia :: Graphics :: Graphics Conversion",
    "Topic :: Multimedia :: Graphics :: Presentation",
    "Topic :: Multimedia :: Graphics :: Viewers",
    "Topic :: Multimedia :: Sound/Audio",
    "Topic :: Multimedia :: Sound/Audio :: Analysis",
    "Topic :: Multimedia :: Sound/Audio :: CD Audio",
    "Topic :: Multimedia :: Sound/Audio :: CD Audio :: CD Playing",
    "Topic :: Multimedia :: Sound/Audio :: CD Audio :: CD Ripping",
    "Topic :: Multimedia :: Sound/Audio :: CD Audio :: CD Writing",
    "Topic :: Multimedia :: Sound/Audio :: Capture/Recording",
    "Topic :: Multimedia :: Sound/Audio :: Conversion",
    "Topic :: Multimedia :: Sound/Audio :: Editors",
    "Topic :: Multimedia :: Sound/Audio :: MIDI",
    "Topic :: Multimedia :: Sound/Audio :: Mixers",
    "Topic :: Multimedia :: Sound/Audio :: Players",
    "Topic :: Multimedia :: Sound/Audio :: Players :: MP3",
    "Topic :: Multimedia :: Sound/Audio :: Sound Synthesis",
    "Topic :: Multimedia :: Sound/Audio :: Speech",
    "Topic :: Multimedia :: Video",
    "Topic :: Multimedia :: Video :: Capture",
    "Topic :: Multimedia :: Video :: Conversion",
    "Topic :: Multimedia :: Video :: Display",
    "Topic :: Multimedia :: Video :: Non-Linear Editor",
    "Topic :: Office/Business",
    "Topic :: Office/Business :: Financial",
    "Topic :: Office/Business :: Financial :: Accounting",
    "Topic :: Office/Business :: Financial :: Investment",
    "Topic :: Office/Business :: Financial :: Point-Of-Sale",
    "Topic :: Office/Business :: Financial :: Spreadsheet",
    "Topic :: Office/Business :: Groupware",
    "Topic :: Office/Business :: News/Diary",
    "Topic :: Office/Business :: Office Suites",
    "Topic :: Office/Business :: Scheduling",
    "Topic :: Other/Nonlisted Topic",
    "Topic :: Printing",
    "Topic :: Religion",
    "Topic :: Scientific/Engineering",
    "Topic :: Scientific/Engineering :: Artificial Intelligence",
    "Topic :: Scientific/Engineering :: Artificial Life",
    "Topic :: Scientific/Engineering :: Astronomy",
    "Topic :: Scientific/Engineering :: Atmospheric Science",
    "Topic :: Scientific/Engineering :: Bio-Informatics",
    "Topic :: Scientific/Engineering :: Chemistry",
    "Topic :: Scientific/Engineering :: Electronic Design Automation (EDA)",
    "Topic :: Scientific/Engineering :: GIS",
    "Topic :: Scientific/Engineering :: Human Machine Interfaces",
    "Topic :: Scientific/Engineering :: Hydrology",
    "Topic :: Scientific/Engineering :: Image Processing",
    "Topic :: Scientific/Engineering :: Image Recognition",
    "Topic :: Scientific/Engineering :: Information Analysis",
    "Topic :: Scientific/Engineering :: Instrument Drivers",
    "Topic :: Scientific/Engineering :: Instrument Drivers :: IVI Conformant",
    "Topic :: Scientific/Engineering :: Interface Engine/Protocol Translator",
    "Topic :: Scientific/Engineering :: Mathematics",
    "Topic :: Scientific/Engineering :: Medical Science Apps.",
    "Topic :: Scientific/Engineering :: Oceanography",
    "Topic :: Scientific/Engineering :: Physics",
    "Topic :: Scientific/Engineering :: Quantum Computing",
    "Topic :: Scientific/Engineering :: Visualization",
    "Topic :: Security",
    "Topic :: Security :: Cryptography",
    "Topic :: Sociology",
    "Topic :: Sociology :: Genealogy",
    "Topic :: Sociology :: History",
    "Topic :: Software Development",
    "Topic :: Software Development :: Assemblers",
    "Topic :: Software Development :: Bug Tracking",
    "Topic :: Software Development :: Build Tools",
    "Topic :: Software Development :: Code Generators",
    "Topic :: Software Development :: Compilers",
    "Topic :: Software Development :: Debuggers",
    "Topic :: Software Development :: Disassemblers",
    "Topic :: Software Development :: Documentation",
    "Topic :: Software Development :: Embedded Systems",
    "Topic :: Software Development :: Embedded Systems :: Controller Area Network (CAN)",
    "Topic :: Software Development :: Embedded Systems :: Controller Area Network (CAN) :: CANopen",
    "Topic :: Software Development :: Embedded Systems :: Controller Area Network (CAN) :: J1939",
    "Topic :: Software Development :: Internationalization",
    "Topic :: Software Development :: Interpreters",
    "Topic :: Software Development :: Libraries",
    "Topic :: Software Development :: Libraries :: Application Frameworks",
    "Topic :: Software Development :: Libraries :: Java Libraries",
    "Topic :: Software Development :: Libraries :: PHP Classes",
    "Topic :: Software Development :: Libraries :: Perl Modules",
    "Topic :: Software Development :: Libraries :: Pike Modules",
    "Topic :: Software Development :: Libraries :: Python Modules",
    "Topic :: Software Development :: Libraries :: Ruby Modules",
    "Topic :: Software Development :: Libraries :: Tcl Extensions",
    "Topic :: Software Development :: Libraries :: pygame",
    "Topic :: Software Development :: Localization",
    "Topic :: Software Development :: Object Brokering",
    "Topic :: Software Development :: Object Brokering :: CORBA",
    "Topic :: Software Development :: Pre-processors",
    "Topic :: Software Development :: Quality Assurance",
    "Topic :: Software Development :: Testing",
    "Topic :: Software Development :: Testing :: Acceptance",
    "Topic :: Software Development :: Testing :: BDD",
    "Topic :: Software Development :: Testing :: Mocking",
    "Topic :: Software Development :: Testing :: Traffic Generation",
    "Topic :: Software Development :: Testing :: Unit",
    "Topic :: Software Development :: User Interfaces",
    "Topic :: Software Development :: Version Control",
    "Topic :: Software Development :: Version Control :: Bazaar",
    "Topic :: Software Development :: Version Control :: CVS",
    "Topic :: Software Development :: Version Control :: Git",
    "Topic :: Software Development :: Version Control :: Mercurial",
    "Topic :: Software Development :: Version Control :: RCS",
    "Topic :: Software Development :: Version Control :: SCCS",
    "Topic :: Software Development :: Widget Sets",
    "Topic :: System",
    "Topic :: System :: Archiving",
    "Topic :: System :: Archiving :: Backup",
    "Topic :: System :: Archiving :: Compression",
    "Topic :: System :: Archiving :: Mirroring",
    "Topic :: System :: Archiving :: Packaging",
    "Topic :: System :: Benchmark",
    "Topic :: System :: Boot",
    "Topic :: System :: Boot :: Init",
    "Topic :: System :: Clustering",
    "Topic :: System :: Console Fonts",
    "Topic :: System :: Distributed Computing",
    "Topic :: System :: Emulators",
    "Topic :: System :: Filesystems",
    "Topic :: System :: Hardware",
    "Topic :: System :: Hardware :: Hardware Drivers",
    "Topic :: System :: Hardware :: Mainframes",
    "Topic :: System :: Hardware :: Symmetric Multi-processing",
    "Topic :: System :: Hardware :: Universal Serial Bus (USB)",
    "Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Audio",
    "Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Audio/Video (AV)",
    "Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Communications Device Class (CDC)",
    "Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Diagnostic Device",
    "Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Hub",
    "Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Human Interface Device (HID)",
    "Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Mass Storage",
    "Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Miscellaneous",
    "Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Printer",
    "Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Smart Card",
    "Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Vendor",
    "Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Video (UVC)",
    "Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Wireless Controller",
    "Topic :: System :: Installation/Setup",
    "Topic :: System :: Logging",
    "Topic :: System :: Monitoring",
    "Topic :: System :: Networking",
    "Topic :: System :: Networking :: Firewalls",
    "Topic :: System :: Networking :: Monitoring",
    "Topic :: System :: Networking :: Monitoring :: Hardware Watchdog",
    "Topic :: System :: Networking :: Time Synchronization",
    "Topic :: System :: Operating System",
    "Topic :: System :: Operating System Kernels",
    "Topic :: System :: Operating System Kernels :: BSD",
    "Topic :: System :: Operating System Kernels :: GNU Hurd",
    "Topic :: System :: Operating System Kernels :: Linux",
    "Topic :: System :: Power (UPS)",
    "Topic :: System :: Recovery Tools",
    "Topic :: System :: Shells",
    "Topic :: System :: Software Distribution",
    "Topic :: System :: System Shells",
    "Topic :: System :: Systems Administration",
    "Topic :: System :: Systems Administration :: Authentication/Directory",
    "Topic :: System :: Systems Administration :: Authentication/Directory :: LDAP",
    "Topic :: System :: Systems Administration :: Authentication/Directory :: NIS",
    "Topic :: Terminals",
    "Topic :: Terminals :: Serial",
    "Topic :: Terminals :: Telnet",
    "Topic :: Terminals :: Terminal Emulators/X Terminals",
    "Topic :: Text Editors",
    "Topic :: Text Editors :: Documentation",
    "Topic :: Text Editors :: Emacs",
    "Topic :: Text Editors :: Integrated Development Environments (IDE)",
    "Topic :: Text Editors :: Text Processing",
    "Topic :: Text Editors :: Word Processors",
    "Topic :: Text Processing",
    "Topic :: Text Processing :: Filters",
    "Topic :: Text Processing :: Fonts",
    "Topic :: Text Processing :: General",
    "Topic :: Text Processing :: Indexing",
    "Topic :: Text Processing :: Linguistic",
    "Topic :: Text Processing :: Markup",
    "Topic :: Text Processing :: Markup :: HTML",
    "Topic :: Text Processing :: Markup :: LaTeX",
    "Topic :: Text Processing :: Markup :: Markdown",
    "Topic :: Text Processing :: Markup :: SGML",
    "Topic :: Text Processing :: Markup :: VRML",
    "Topic :: Text Processing :: Markup :: XML",
    "Topic :: Text Processing :: Markup :: reStructuredText",
    "Topic :: Utilities",
    "Typing :: Stubs Only",
    "Typing :: Typed"
  ],
  deprecated: {
    "Framework :: Django CMS :: 4.2": ["Framework :: Django CMS :: 5.0"],
    "License :: OSI Approved :: Intel Open Source License": [],
    "License :: OSI Approved :: Jabber Open Source License": [],
    "License :: OSI Approved :: MITRE Collaborative Virtual Workspace License (CVW)": [],
    "License :: OSI Approved :: Sun Industry Standards Source License (SISSL)": [],
    "License :: OSI Approved :: X.Net License": [],
    "Natural Language :: Ukranian": ["Natural Language :: Ukrainian"],
    "Topic :: Communications :: Chat :: AOL Instant Messenger": []
  }
};

// src/pypi/rules/classifiers.ts
var KNOWN = new Set(classifiers_default.classifiers);
var DEPRECATED = new Map(Object.entries(classifiers_default.deprecated));
var CLASSIFIERS_SOURCE = `${classifiers_default.source}, refreshed ${classifiers_default.refreshed}`;
var pyList = (items) => `[${items.map((i) => `'${i}'`).join(", ")}]`;
function checkClassifiers(values, found) {
  for (const classifier of values) {
    const replacements = DEPRECATED.get(classifier);
    if (replacements)
      found.refuse(
        "classifier-deprecated",
        replacements.length > 0 ? `The classifier '${classifier}' has been deprecated, use one of ${pyList(replacements)} instead.` : `The classifier '${classifier}' has been deprecated.`,
        replacements.length > 0 ? `Replace it with ${replacements.map((r) => `'${r}'`).join(" or ")} in pyproject.toml.` : "Remove it from pyproject.toml."
      );
    else if (!KNOWN.has(classifier))
      found.refuse(
        "classifier",
        `'${classifier}' is not a valid classifier.`,
        classifier.startsWith("Private ::") ? "A `Private :: \u2026` classifier exists to stop uploads to PyPI: remove it to publish there, or publish to a private index with `index-rules: none`." : `Use a classifier from https://pypi.org/classifiers/ (spelled exactly). The action's list is ${CLASSIFIERS_SOURCE}: a classifier added since is refused here though PyPI may take it.`
      );
  }
}

// src/pypi/rules/urls.ts
var URI_CHARS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;
var SPECIAL_USE = ["arpa", "invalid", "local", "localhost", "onion", "test"];
function isHttpUrl(url) {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  if (scheme !== "http" && scheme !== "https") return false;
  return URI_CHARS.test(url) && !/%(?![0-9A-Fa-f]{2})/.test(url);
}
function addressOf(value) {
  const unquoted = value.replace(/"[^"]*"/g, '""');
  if (unquoted.includes(",")) return void 0;
  const angle = /<([^>]*)>\s*$/.exec(value);
  return (angle ? angle[1] : value)?.trim() ?? "";
}
function emailProblem(address) {
  const at = address.lastIndexOf("@");
  if (at <= 0 || address.indexOf("@") !== at)
    return "The email address is not valid. It must have exactly one @-sign.";
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).toLowerCase();
  if (local.startsWith('"')) return "Quoting the part before the @-sign is not allowed here.";
  if (!/^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u.test(local))
    return "The part before the @-sign is not valid.";
  if (domain.startsWith("[")) return "A bracketed IP address after the @-sign is not allowed here.";
  if (!domain.includes("."))
    return "The part after the @-sign is not valid. It should have a period.";
  const labels = domain.split(".");
  if (!labels.every((l) => /^[\p{L}\p{N}]([\p{L}\p{N}-]*[\p{L}\p{N}])?$/u.test(l)))
    return "The part after the @-sign is not valid.";
  if (/^\d+$/.test(labels.at(-1)))
    return "The part after the @-sign is not valid. It is not within a valid top-level domain.";
  if (SPECIAL_USE.includes(labels.at(-1)))
    return "The part after the @-sign is a special-use or reserved name that cannot be used with email.";
  return void 0;
}
function checkEmail(value, found) {
  const address = addressOf(value);
  if (address === void 0) return;
  const problem = emailProblem(address);
  if (problem)
    found.refuse(
      "email",
      `'${address}' is not a valid email address: ${problem}`,
      'Give a deliverable address (`{ name = "\u2026", email = "\u2026" }` in pyproject.toml authors/maintainers), or leave the e-mail out.'
    );
}

// src/pypi/rules/license-rules.ts
var import_spdx_expression_parse = __toESM(require_spdx_expression_parse(), 1);

// node_modules/spdx-license-ids/index.json with { type: 'json' }
var spdx_license_ids_default = [
  "0BSD",
  "3D-Slicer-1.0",
  "AAL",
  "ADSL",
  "AFL-1.1",
  "AFL-1.2",
  "AFL-2.0",
  "AFL-2.1",
  "AFL-3.0",
  "AGPL-1.0-only",
  "AGPL-1.0-or-later",
  "AGPL-3.0-only",
  "AGPL-3.0-or-later",
  "ALGLIB-Documentation",
  "AMD-newlib",
  "AMDPLPA",
  "AML",
  "AML-glslang",
  "AMPAS",
  "ANTLR-PD",
  "ANTLR-PD-fallback",
  "APAFML",
  "APL-1.0",
  "APSL-1.0",
  "APSL-1.1",
  "APSL-1.2",
  "APSL-2.0",
  "ASWF-Digital-Assets-1.0",
  "ASWF-Digital-Assets-1.1",
  "Abstyles",
  "AdaCore-doc",
  "Adobe-2006",
  "Adobe-Display-PostScript",
  "Adobe-Glyph",
  "Adobe-Utopia",
  "Advanced-Cryptics-Dictionary",
  "Afmparse",
  "Aladdin",
  "Apache-1.0",
  "Apache-1.1",
  "Apache-2.0",
  "App-s2p",
  "Arphic-1999",
  "Artistic-1.0",
  "Artistic-1.0-Perl",
  "Artistic-1.0-cl8",
  "Artistic-2.0",
  "Artistic-dist",
  "Aspell-RU",
  "BOLA-1.1",
  "BSD-1-Clause",
  "BSD-2-Clause",
  "BSD-2-Clause-Darwin",
  "BSD-2-Clause-Patent",
  "BSD-2-Clause-Views",
  "BSD-2-Clause-first-lines",
  "BSD-2-Clause-pkgconf-disclaimer",
  "BSD-2-Clause-pos-unchanged",
  "BSD-3-Clause",
  "BSD-3-Clause-Attribution",
  "BSD-3-Clause-Clear",
  "BSD-3-Clause-HP",
  "BSD-3-Clause-LBNL",
  "BSD-3-Clause-Modification",
  "BSD-3-Clause-No-Military-License",
  "BSD-3-Clause-No-Nuclear-License",
  "BSD-3-Clause-No-Nuclear-License-2014",
  "BSD-3-Clause-No-Nuclear-Warranty",
  "BSD-3-Clause-Open-MPI",
  "BSD-3-Clause-OpenWebUI",
  "BSD-3-Clause-Sun",
  "BSD-3-Clause-Tso",
  "BSD-3-Clause-acpica",
  "BSD-3-Clause-flex",
  "BSD-4-Clause",
  "BSD-4-Clause-Shortened",
  "BSD-4-Clause-UC",
  "BSD-4.3RENO",
  "BSD-4.3TAHOE",
  "BSD-Advertising-Acknowledgement",
  "BSD-Attribution-HPND-disclaimer",
  "BSD-Inferno-Nettverk",
  "BSD-Mark-Modifications",
  "BSD-Protection",
  "BSD-Source-Code",
  "BSD-Source-Code-no-disclaimer",
  "BSD-Source-alt-GPL",
  "BSD-Source-beginning-file",
  "BSD-Systemics",
  "BSD-Systemics-W3Works",
  "BSD-ask-to-endorse",
  "BSL-1.0",
  "BUSL-1.1",
  "Baekmuk",
  "Bahyph",
  "Barr",
  "Beerware",
  "BitTorrent-1.0",
  "BitTorrent-1.1",
  "Bitstream-Charter",
  "Bitstream-Vera",
  "BlueOak-1.0.0",
  "Boehm-GC",
  "Boehm-GC-without-fee",
  "Borceux",
  "Brian-Gladman-2-Clause",
  "Brian-Gladman-3-Clause",
  "Brian-Gladman-3-Clause-no-conversion",
  "Buddy",
  "Bugroff",
  "C-UDA-1.0",
  "CAL-1.0",
  "CAL-1.0-Combined-Work-Exception",
  "CAPEC-tou",
  "CATOSL-1.1",
  "CC-BY-1.0",
  "CC-BY-2.0",
  "CC-BY-2.5",
  "CC-BY-2.5-AU",
  "CC-BY-3.0",
  "CC-BY-3.0-AT",
  "CC-BY-3.0-AU",
  "CC-BY-3.0-DE",
  "CC-BY-3.0-IGO",
  "CC-BY-3.0-NL",
  "CC-BY-3.0-US",
  "CC-BY-4.0",
  "CC-BY-NC-1.0",
  "CC-BY-NC-2.0",
  "CC-BY-NC-2.5",
  "CC-BY-NC-3.0",
  "CC-BY-NC-3.0-DE",
  "CC-BY-NC-3.0-IGO",
  "CC-BY-NC-4.0",
  "CC-BY-NC-ND-1.0",
  "CC-BY-NC-ND-2.0",
  "CC-BY-NC-ND-2.5",
  "CC-BY-NC-ND-3.0",
  "CC-BY-NC-ND-3.0-DE",
  "CC-BY-NC-ND-3.0-IGO",
  "CC-BY-NC-ND-4.0",
  "CC-BY-NC-SA-1.0",
  "CC-BY-NC-SA-2.0",
  "CC-BY-NC-SA-2.0-DE",
  "CC-BY-NC-SA-2.0-FR",
  "CC-BY-NC-SA-2.0-UK",
  "CC-BY-NC-SA-2.5",
  "CC-BY-NC-SA-3.0",
  "CC-BY-NC-SA-3.0-DE",
  "CC-BY-NC-SA-3.0-IGO",
  "CC-BY-NC-SA-4.0",
  "CC-BY-ND-1.0",
  "CC-BY-ND-2.0",
  "CC-BY-ND-2.5",
  "CC-BY-ND-3.0",
  "CC-BY-ND-3.0-DE",
  "CC-BY-ND-4.0",
  "CC-BY-SA-1.0",
  "CC-BY-SA-2.0",
  "CC-BY-SA-2.0-UK",
  "CC-BY-SA-2.1-JP",
  "CC-BY-SA-2.5",
  "CC-BY-SA-3.0",
  "CC-BY-SA-3.0-AT",
  "CC-BY-SA-3.0-DE",
  "CC-BY-SA-3.0-IGO",
  "CC-BY-SA-4.0",
  "CC-PDDC",
  "CC-PDM-1.0",
  "CC-SA-1.0",
  "CC0-1.0",
  "CDDL-1.0",
  "CDDL-1.1",
  "CDL-1.0",
  "CDLA-Permissive-1.0",
  "CDLA-Permissive-2.0",
  "CDLA-Sharing-1.0",
  "CECILL-1.0",
  "CECILL-1.1",
  "CECILL-2.0",
  "CECILL-2.1",
  "CECILL-B",
  "CECILL-C",
  "CERN-OHL-1.1",
  "CERN-OHL-1.2",
  "CERN-OHL-P-2.0",
  "CERN-OHL-S-2.0",
  "CERN-OHL-W-2.0",
  "CFITSIO",
  "CMU-Mach",
  "CMU-Mach-nodoc",
  "CNRI-Jython",
  "CNRI-Python",
  "CNRI-Python-GPL-Compatible",
  "COIL-1.0",
  "CPAL-1.0",
  "CPL-1.0",
  "CPOL-1.02",
  "CUA-OPL-1.0",
  "Caldera",
  "Caldera-no-preamble",
  "Catharon",
  "ClArtistic",
  "Clips",
  "Community-Spec-1.0",
  "Condor-1.1",
  "Cornell-Lossless-JPEG",
  "Cronyx",
  "Crossword",
  "CryptoSwift",
  "CrystalStacker",
  "Cube",
  "D-FSL-1.0",
  "DEC-3-Clause",
  "DL-DE-BY-2.0",
  "DL-DE-ZERO-2.0",
  "DOC",
  "DRL-1.0",
  "DRL-1.1",
  "DSDP",
  "DocBook-DTD",
  "DocBook-Schema",
  "DocBook-Stylesheet",
  "DocBook-XML",
  "Dotseqn",
  "ECL-1.0",
  "ECL-2.0",
  "EFL-1.0",
  "EFL-2.0",
  "EPICS",
  "EPL-1.0",
  "EPL-2.0",
  "ESA-PL-permissive-2.4",
  "ESA-PL-strong-copyleft-2.4",
  "ESA-PL-weak-copyleft-2.4",
  "EUDatagrid",
  "EUPL-1.0",
  "EUPL-1.1",
  "EUPL-1.2",
  "Elastic-2.0",
  "Entessa",
  "ErlPL-1.1",
  "Eurosym",
  "FBM",
  "FDK-AAC",
  "FDK-MPEG-H",
  "FSFAP",
  "FSFAP-no-warranty-disclaimer",
  "FSFUL",
  "FSFULLR",
  "FSFULLRSD",
  "FSFULLRWD",
  "FSL-1.1-ALv2",
  "FSL-1.1-MIT",
  "FTL",
  "Fair",
  "Ferguson-Twofish",
  "Frameworx-1.0",
  "FreeBSD-DOC",
  "FreeImage",
  "Furuseth",
  "GCR-docs",
  "GD",
  "GFDL-1.1-invariants-only",
  "GFDL-1.1-invariants-or-later",
  "GFDL-1.1-no-invariants-only",
  "GFDL-1.1-no-invariants-or-later",
  "GFDL-1.1-only",
  "GFDL-1.1-or-later",
  "GFDL-1.2-invariants-only",
  "GFDL-1.2-invariants-or-later",
  "GFDL-1.2-no-invariants-only",
  "GFDL-1.2-no-invariants-or-later",
  "GFDL-1.2-only",
  "GFDL-1.2-or-later",
  "GFDL-1.3-invariants-only",
  "GFDL-1.3-invariants-or-later",
  "GFDL-1.3-no-invariants-only",
  "GFDL-1.3-no-invariants-or-later",
  "GFDL-1.3-only",
  "GFDL-1.3-or-later",
  "GL2PS",
  "GLWTPL",
  "GPL-1.0-only",
  "GPL-1.0-or-later",
  "GPL-2.0-only",
  "GPL-2.0-or-later",
  "GPL-3.0-only",
  "GPL-3.0-or-later",
  "Game-Programming-Gems",
  "Giftware",
  "Glide",
  "Glulxe",
  "Graphics-Gems",
  "Gutmann",
  "HDF5",
  "HIDAPI",
  "HP-1986",
  "HP-1989",
  "HPND",
  "HPND-DEC",
  "HPND-Fenneberg-Livingston",
  "HPND-INRIA-IMAG",
  "HPND-Intel",
  "HPND-Kevlin-Henney",
  "HPND-MIT-disclaimer",
  "HPND-Markus-Kuhn",
  "HPND-Netrek",
  "HPND-Pbmplus",
  "HPND-SMC",
  "HPND-UC",
  "HPND-UC-export-US",
  "HPND-doc",
  "HPND-doc-sell",
  "HPND-export-US",
  "HPND-export-US-acknowledgement",
  "HPND-export-US-modify",
  "HPND-export2-US",
  "HPND-merchantability-variant",
  "HPND-sell-MIT-disclaimer-xserver",
  "HPND-sell-regexpr",
  "HPND-sell-variant",
  "HPND-sell-variant-MIT-disclaimer",
  "HPND-sell-variant-MIT-disclaimer-rev",
  "HPND-sell-variant-critical-systems",
  "HTMLTIDY",
  "HaskellReport",
  "Hippocratic-2.1",
  "Hippocratic-3.0-core",
  "IBM-pibs",
  "ICU",
  "IEC-Code-Components-EULA",
  "IJG",
  "IJG-short",
  "IPA",
  "IPL-1.0",
  "ISC",
  "ISC-Veillard",
  "ISO-permission",
  "ImageMagick",
  "Imlib2",
  "Info-ZIP",
  "Informatica",
  "Inner-Net-2.0",
  "InnoSetup",
  "Intel",
  "Intel-ACPI",
  "Interbase-1.0",
  "JPL-image",
  "JPNIC",
  "JSON",
  "Jam",
  "JasPer-2.0",
  "Kastrup",
  "Kazlib",
  "Knuth-CTAN",
  "LAL-1.2",
  "LAL-1.3",
  "LGPL-2.0-only",
  "LGPL-2.0-or-later",
  "LGPL-2.1-only",
  "LGPL-2.1-or-later",
  "LGPL-3.0-only",
  "LGPL-3.0-or-later",
  "LGPLLR",
  "LOOP",
  "LPD-document",
  "LPL-1.0",
  "LPL-1.02",
  "LPPL-1.0",
  "LPPL-1.1",
  "LPPL-1.2",
  "LPPL-1.3a",
  "LPPL-1.3c",
  "LZMA-SDK-9.11-to-9.20",
  "LZMA-SDK-9.22",
  "Latex2e",
  "Latex2e-translated-notice",
  "Leptonica",
  "LiLiQ-P-1.1",
  "LiLiQ-R-1.1",
  "LiLiQ-Rplus-1.1",
  "Libpng",
  "Linux-OpenIB",
  "Linux-man-pages-1-para",
  "Linux-man-pages-copyleft",
  "Linux-man-pages-copyleft-2-para",
  "Linux-man-pages-copyleft-var",
  "Lucida-Bitmap-Fonts",
  "MIPS",
  "MIT",
  "MIT-0",
  "MIT-CMU",
  "MIT-Click",
  "MIT-Festival",
  "MIT-Khronos-old",
  "MIT-Modern-Variant",
  "MIT-STK",
  "MIT-Wu",
  "MIT-advertising",
  "MIT-enna",
  "MIT-feh",
  "MIT-open-group",
  "MIT-testregex",
  "MITNFA",
  "MMIXware",
  "MMPL-1.0.1",
  "MPEG-SSG",
  "MPL-1.0",
  "MPL-1.1",
  "MPL-2.0",
  "MPL-2.0-no-copyleft-exception",
  "MS-LPL",
  "MS-PL",
  "MS-RL",
  "MTLL",
  "MVT-1.1",
  "Mackerras-3-Clause",
  "Mackerras-3-Clause-acknowledgment",
  "MakeIndex",
  "Martin-Birgmeier",
  "McPhee-slideshow",
  "Minpack",
  "MirOS",
  "Motosoto",
  "MulanPSL-1.0",
  "MulanPSL-2.0",
  "Multics",
  "Mup",
  "NAIST-2003",
  "NASA-1.3",
  "NBPL-1.0",
  "NCBI-PD",
  "NCGL-UK-2.0",
  "NCL",
  "NCSA",
  "NGPL",
  "NICTA-1.0",
  "NIST-PD",
  "NIST-PD-TNT",
  "NIST-PD-fallback",
  "NIST-Software",
  "NLOD-1.0",
  "NLOD-2.0",
  "NLPL",
  "NOSL",
  "NPL-1.0",
  "NPL-1.1",
  "NPOSL-3.0",
  "NRL",
  "NTIA-PD",
  "NTP",
  "NTP-0",
  "Naumen",
  "NetCDF",
  "Newsletr",
  "Nokia",
  "Noweb",
  "O-UDA-1.0",
  "OAR",
  "OCCT-PL",
  "OCLC-2.0",
  "ODC-By-1.0",
  "ODbL-1.0",
  "OFFIS",
  "OFL-1.0",
  "OFL-1.0-RFN",
  "OFL-1.0-no-RFN",
  "OFL-1.1",
  "OFL-1.1-RFN",
  "OFL-1.1-no-RFN",
  "OGC-1.0",
  "OGDL-Taiwan-1.0",
  "OGL-Canada-2.0",
  "OGL-UK-1.0",
  "OGL-UK-2.0",
  "OGL-UK-3.0",
  "OGTSL",
  "OLDAP-1.1",
  "OLDAP-1.2",
  "OLDAP-1.3",
  "OLDAP-1.4",
  "OLDAP-2.0",
  "OLDAP-2.0.1",
  "OLDAP-2.1",
  "OLDAP-2.2",
  "OLDAP-2.2.1",
  "OLDAP-2.2.2",
  "OLDAP-2.3",
  "OLDAP-2.4",
  "OLDAP-2.5",
  "OLDAP-2.6",
  "OLDAP-2.7",
  "OLDAP-2.8",
  "OLFL-1.3",
  "OML",
  "OPL-1.0",
  "OPL-UK-3.0",
  "OPUBL-1.0",
  "OSC-1.0",
  "OSET-PL-2.1",
  "OSL-1.0",
  "OSL-1.1",
  "OSL-2.0",
  "OSL-2.1",
  "OSL-3.0",
  "OSSP",
  "OpenMDW-1.0",
  "OpenPBS-2.3",
  "OpenSSL",
  "OpenSSL-standalone",
  "OpenVision",
  "PADL",
  "PDDL-1.0",
  "PHP-3.0",
  "PHP-3.01",
  "PPL",
  "PSF-2.0",
  "ParaType-Free-Font-1.3",
  "Parity-6.0.0",
  "Parity-7.0.0",
  "Pixar",
  "Plexus",
  "PolyForm-Noncommercial-1.0.0",
  "PolyForm-Small-Business-1.0.0",
  "PostgreSQL",
  "Python-2.0",
  "Python-2.0.1",
  "QPL-1.0",
  "QPL-1.0-INRIA-2004",
  "Qhull",
  "RHeCos-1.1",
  "RPL-1.1",
  "RPL-1.5",
  "RPSL-1.0",
  "RSA-MD",
  "RSCPL",
  "Rdisc",
  "Ruby",
  "Ruby-pty",
  "SAX-PD",
  "SAX-PD-2.0",
  "SCEA",
  "SGI-B-1.0",
  "SGI-B-1.1",
  "SGI-B-2.0",
  "SGI-OpenGL",
  "SGMLUG-PM",
  "SGP4",
  "SHL-0.5",
  "SHL-0.51",
  "SISSL",
  "SISSL-1.2",
  "SL",
  "SMAIL-GPL",
  "SMLNJ",
  "SMPPL",
  "SNIA",
  "SOFA",
  "SPL-1.0",
  "SSH-OpenSSH",
  "SSH-short",
  "SSLeay-standalone",
  "SSPL-1.0",
  "SUL-1.0",
  "SWL",
  "Saxpath",
  "SchemeReport",
  "Sendmail",
  "Sendmail-8.23",
  "Sendmail-Open-Source-1.1",
  "SimPL-2.0",
  "Sleepycat",
  "Soundex",
  "Spencer-86",
  "Spencer-94",
  "Spencer-99",
  "SugarCRM-1.1.3",
  "Sun-PPP",
  "Sun-PPP-2000",
  "SunPro",
  "Symlinks",
  "TAPR-OHL-1.0",
  "TCL",
  "TCP-wrappers",
  "TGPPL-1.0",
  "TMate",
  "TORQUE-1.1",
  "TOSL",
  "TPDL",
  "TPL-1.0",
  "TTWL",
  "TTYP0",
  "TU-Berlin-1.0",
  "TU-Berlin-2.0",
  "TekHVC",
  "TermReadKey",
  "ThirdEye",
  "TrustedQSL",
  "UCAR",
  "UCL-1.0",
  "UMich-Merit",
  "UPL-1.0",
  "URT-RLE",
  "Ubuntu-font-1.0",
  "UnRAR",
  "Unicode-3.0",
  "Unicode-DFS-2015",
  "Unicode-DFS-2016",
  "Unicode-TOU",
  "UnixCrypt",
  "Unlicense",
  "Unlicense-libtelnet",
  "Unlicense-libwhirlpool",
  "VOSTROM",
  "VSL-1.0",
  "Vim",
  "Vixie-Cron",
  "W3C",
  "W3C-19980720",
  "W3C-20150513",
  "WTFNMFPL",
  "WTFPL",
  "Watcom-1.0",
  "Widget-Workshop",
  "WordNet",
  "Wsuipa",
  "X11",
  "X11-distribute-modifications-variant",
  "X11-no-permit-persons",
  "X11-swapped",
  "XFree86-1.1",
  "XSkat",
  "Xdebug-1.03",
  "Xerox",
  "Xfig",
  "Xnet",
  "YPL-1.0",
  "YPL-1.1",
  "ZPL-1.1",
  "ZPL-2.0",
  "ZPL-2.1",
  "Zed",
  "Zeeff",
  "Zend-2.0",
  "Zimbra-1.3",
  "Zimbra-1.4",
  "Zlib",
  "any-OSI",
  "any-OSI-perl-modules",
  "atc-game",
  "bcrypt-Solar-Designer",
  "blessing",
  "bzip2-1.0.6",
  "check-cvs",
  "checkmk",
  "copyleft-next-0.3.0",
  "copyleft-next-0.3.1",
  "curl",
  "cve-tou",
  "diffmark",
  "dtoa",
  "dvipdfm",
  "eGenix",
  "etalab-2.0",
  "fwlw",
  "gSOAP-1.3b",
  "generic-xts",
  "gnuplot",
  "gtkbook",
  "hdparm",
  "hyphen-bulgarian",
  "iMatix",
  "jove",
  "libpng-1.6.35",
  "libpng-2.0",
  "libselinux-1.0",
  "libtiff",
  "libutil-David-Nugent",
  "lsof",
  "magaz",
  "mailprio",
  "man2html",
  "metamail",
  "mpi-permissive",
  "mpich2",
  "mplus",
  "ngrep",
  "pkgconf",
  "pnmstitch",
  "psfrag",
  "psutils",
  "python-ldap",
  "radvd",
  "snprintf",
  "softSurfer",
  "ssh-keyscan",
  "swrule",
  "threeparttable",
  "ulem",
  "w3m",
  "wwl",
  "xinetd",
  "xkeyboard-config-Zinoviev",
  "xlock",
  "xpp",
  "xzoom",
  "zlib-acknowledgement"
];

// node_modules/spdx-license-ids/deprecated.json with { type: 'json' }
var deprecated_default = [
  "AGPL-1.0",
  "AGPL-3.0",
  "BSD-2-Clause-FreeBSD",
  "BSD-2-Clause-NetBSD",
  "GFDL-1.1",
  "GFDL-1.2",
  "GFDL-1.3",
  "GPL-1.0",
  "GPL-2.0",
  "GPL-2.0-with-GCC-exception",
  "GPL-2.0-with-autoconf-exception",
  "GPL-2.0-with-bison-exception",
  "GPL-2.0-with-classpath-exception",
  "GPL-2.0-with-font-exception",
  "GPL-3.0",
  "GPL-3.0-with-GCC-exception",
  "GPL-3.0-with-autoconf-exception",
  "LGPL-2.0",
  "LGPL-2.1",
  "LGPL-3.0",
  "Net-SNMP",
  "Nunit",
  "StandardML-NJ",
  "bzip2-1.0.5",
  "eCos-2.0",
  "wxWindows"
];

// node_modules/spdx-exceptions/index.json with { type: 'json' }
var spdx_exceptions_default = [
  "389-exception",
  "Asterisk-exception",
  "Autoconf-exception-2.0",
  "Autoconf-exception-3.0",
  "Autoconf-exception-generic",
  "Autoconf-exception-generic-3.0",
  "Autoconf-exception-macro",
  "Bison-exception-1.24",
  "Bison-exception-2.2",
  "Bootloader-exception",
  "Classpath-exception-2.0",
  "CLISP-exception-2.0",
  "cryptsetup-OpenSSL-exception",
  "DigiRule-FOSS-exception",
  "eCos-exception-2.0",
  "Fawkes-Runtime-exception",
  "FLTK-exception",
  "fmt-exception",
  "Font-exception-2.0",
  "freertos-exception-2.0",
  "GCC-exception-2.0",
  "GCC-exception-2.0-note",
  "GCC-exception-3.1",
  "Gmsh-exception",
  "GNAT-exception",
  "GNOME-examples-exception",
  "GNU-compiler-exception",
  "gnu-javamail-exception",
  "GPL-3.0-interface-exception",
  "GPL-3.0-linking-exception",
  "GPL-3.0-linking-source-exception",
  "GPL-CC-1.0",
  "GStreamer-exception-2005",
  "GStreamer-exception-2008",
  "i2p-gpl-java-exception",
  "KiCad-libraries-exception",
  "LGPL-3.0-linking-exception",
  "libpri-OpenH323-exception",
  "Libtool-exception",
  "Linux-syscall-note",
  "LLGPL",
  "LLVM-exception",
  "LZMA-exception",
  "mif-exception",
  "OCaml-LGPL-linking-exception",
  "OCCT-exception-1.0",
  "OpenJDK-assembly-exception-1.0",
  "openvpn-openssl-exception",
  "PS-or-PDF-font-exception-20170817",
  "QPL-1.0-INRIA-2004-exception",
  "Qt-GPL-exception-1.0",
  "Qt-LGPL-exception-1.1",
  "Qwt-exception-1.0",
  "SANE-exception",
  "SHL-2.0",
  "SHL-2.1",
  "stunnel-exception",
  "SWI-exception",
  "Swift-exception",
  "Texinfo-exception",
  "u-boot-exception-2.0",
  "UBDL-exception",
  "Universal-FOSS-exception-1.0",
  "vsftpd-openssl-exception",
  "WxWindows-exception-3.1",
  "x11vnc-openssl-exception"
];

// node_modules/spdx-exceptions/deprecated.json
var deprecated_default2 = [
  "Nokia-Qt-exception-1.1"
];

// src/pypi/rules/license-rules.ts
var byLowercase = (ids) => new Map(ids.map((id) => [id.toLowerCase(), id]));
var LICENSES = byLowercase([...spdx_license_ids_default, ...deprecated_default]);
var EXCEPTIONS = byLowercase([...spdx_exceptions_default, ...deprecated_default2]);
var OPERATORS = /* @__PURE__ */ new Set(["and", "or", "with"]);
function isValidLicenseExpression(expression) {
  const tokens = expression.replace(/\(/g, " ( ").replace(/\)/g, " ) ").trim().split(/\s+/);
  if (tokens.length === 0 || tokens[0] === "") return false;
  const canonical = [];
  for (const [i, token] of tokens.entries()) {
    const lower = token.toLowerCase();
    if (token === "(" || token === ")") canonical.push(token);
    else if (OPERATORS.has(lower)) canonical.push(lower.toUpperCase());
    else if (tokens[i - 1]?.toLowerCase() === "with") {
      const exception = EXCEPTIONS.get(lower);
      if (!exception) return false;
      canonical.push(exception);
    } else {
      const plus = lower.endsWith("+") ? "+" : "";
      const id = plus ? lower.slice(0, -1) : lower;
      if (/^licenseref-[a-z0-9.-]+$/.test(id)) canonical.push(`LicenseRef-${id.slice(11)}${plus}`);
      else if (LICENSES.has(id)) canonical.push(`${LICENSES.get(id)}${plus}`);
      else return false;
    }
  }
  try {
    (0, import_spdx_expression_parse.default)(canonical.join(" "));
    return true;
  } catch {
    return false;
  }
}
function licenseFilePathProblem(path) {
  const invalid = `'${path}' is invalid for 'license-file'`;
  if (path.split(/[/\\]/).includes(".."))
    return `${invalid}, parent directory indicators are not allowed`;
  if (path.includes("*")) return `${invalid}, paths must be resolved`;
  if (path.startsWith("/") || path.startsWith("\\") || /^[A-Za-z]:/.test(path))
    return `${invalid}, paths must be relative`;
  if (path.includes("\\")) return `${invalid}, paths must use '/' delimiter`;
  return void 0;
}

// src/pypi/rules/requirements.ts
var NAME = /^([A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]|[A-Za-z0-9])/;
function isValidSpecifierSet(text) {
  const parts = text.split(",").map((part) => part.trim()).filter(Boolean);
  return parts.every((part) => /^(===|~=|==|!=|<=|>=|<|>)/.test(part) && validRange(part));
}
function parseRequirement(text) {
  const value = text.trim();
  const name = NAME.exec(value)?.[0];
  if (!name) return void 0;
  let rest = value.slice(name.length).trimStart();
  const extras = /^\[([^\]]*)\]/.exec(rest);
  if (extras) {
    const list = extras[1].split(",").map((e) => e.trim());
    if (!list.every((e) => e === "" || NAME.exec(e)?.[0] === e)) return void 0;
    rest = rest.slice(extras[0].length).trimStart();
  }
  if (rest.startsWith("@")) {
    const url = /^@\s*(\S+)/.exec(rest)?.[1];
    return url ? { name, url } : void 0;
  }
  const semicolon = rest.indexOf(";");
  let spec = (semicolon === -1 ? rest : rest.slice(0, semicolon)).trim();
  const marker = semicolon === -1 ? void 0 : rest.slice(semicolon + 1).trim();
  if (marker === "") return void 0;
  if (spec.startsWith("(")) {
    if (!spec.endsWith(")")) return void 0;
    spec = spec.slice(1, -1).trim();
  }
  if (spec !== "" && !isValidSpecifierSet(spec)) return void 0;
  return { name };
}

// src/pypi/rules/metadata-rules.ts
var SUMMARY_MAX = 512;
var LABEL_MAX = 32;
var CONTENT_TYPES = ["text/plain", "text/x-rst", "text/markdown"];
var MARKDOWN_VARIANTS = ["GFM", "CommonMark"];
var DYNAMIC_FIELDS = [
  "platform",
  "supported-platform",
  "summary",
  "description",
  "description-content-type",
  "keywords",
  "home-page",
  "download-url",
  "author",
  "author-email",
  "maintainer",
  "maintainer-email",
  "license",
  "license-expression",
  "license-file",
  "classifier",
  "requires-dist",
  "requires-python",
  "requires-external",
  "project-url",
  "provides-extra",
  "provides-dist",
  "obsoletes-dist",
  "requires",
  "provides",
  "obsoletes",
  "import-name",
  "import-namespace"
];
var PY_KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " "
  )
);
var NAME2 = /^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/;
var METADATA_FIX = "Fix the field in pyproject.toml ([project] table) and rebuild (https://packaging.python.org/en/latest/specifications/core-metadata/).";
function sentValues(metadata, field) {
  return (metadata.fields.get(field) ?? []).map((v) => v.trim()).filter((v) => v !== "" && v !== "UNKNOWN");
}
function checkMetadata(metadata, found) {
  const declared = metadata.metadataVersion;
  const get = (field) => sentValues(metadata, field);
  if (!PYPI_METADATA_VERSIONS.includes(declared)) {
    found.refuse(
      "metadata-version",
      `'${declared}' is not a valid metadata version`,
      `Build with a backend that writes Metadata-Version ${PYPI_METADATA_VERSIONS.at(-1)} or lower.`
    );
    return;
  }
  for (const [field, added] of Object.entries(FIELD_INTRODUCED)) {
    if (field === "license-file" || get(field).length === 0) continue;
    if (compareMetadataVersions(added, declared) > 0)
      found.refuse(
        "field-version",
        `${field} introduced in metadata version ${added}, not ${declared}`,
        `Build with a backend that declares Metadata-Version ${added} or later, or drop the ${field} field.`
      );
  }
  checkSingleLine(metadata, found);
  checkContentType(get("description-content-type")[0], found);
  checkDynamic(get("dynamic"), found);
  for (const extra of get("provides-extra"))
    if (!NAME2.test(extra))
      found.refuse("provides-extra", `'${extra}' is invalid for 'provides-extra'`, METADATA_FIX);
  const python = get("requires-python")[0];
  if (python !== void 0 && !isValidSpecifierSet(python))
    found.refuse(
      "requires-python",
      `'${python}' is invalid for 'requires-python'`,
      "Write Requires-Python as a PEP 440 specifier set, e.g. `>=3.9` (not `3.9`)."
    );
  checkRequirements(metadata, found);
  checkLicense(metadata, found);
  checkImportNames(metadata, found);
  checkClassifiers(get("classifier"), found);
  for (const field of ["home-page", "download-url"])
    for (const url of get(field))
      if (!isHttpUrl(url))
        found.refuse("url", `'${url}' is not a valid url.`, "Use an http:// or https:// URL.");
  checkProjectUrls(get("project-url"), found);
  for (const field of ["author-email", "maintainer-email"])
    for (const value of get(field)) checkEmail(value, found);
  checkControlCharacters(metadata, found);
}
function checkSingleLine(metadata, found) {
  const summary = sentValues(metadata, "summary")[0];
  if (summary === void 0) return;
  if (/[\r\n]/.test(summary))
    found.refuse(
      "summary",
      "'summary' must be a single line",
      "Write the description (summary) in pyproject.toml on one line."
    );
  else if ([...summary].length > SUMMARY_MAX)
    found.refuse(
      "summary",
      `'summary' field must be ${SUMMARY_MAX} characters or less.`,
      `Shorten the summary to ${SUMMARY_MAX} characters; the long text belongs in the readme.`
    );
}
function checkContentType(value, found) {
  if (value === void 0) return;
  const [type = "", ...params] = value.split(";").map((p) => p.trim());
  const fix = "Set the readme content type to text/markdown, text/x-rst or text/plain (with charset=UTF-8 if any).";
  if (!CONTENT_TYPES.includes(type.toLowerCase())) {
    found.refuse(
      "description-content-type",
      `'description-content-type' must be one of ['text/markdown', 'text/plain', 'text/x-rst'], not '${value}'`,
      fix
    );
    return;
  }
  const param = (name) => {
    const hit = params.find((p) => p.toLowerCase().startsWith(`${name}=`));
    return hit?.slice(name.length + 1).replace(/^"(.*)"$/, "$1");
  };
  const charset = param("charset");
  if (charset !== void 0 && charset !== "UTF-8")
    found.refuse(
      "description-content-type",
      `'description-content-type' can only specify the UTF-8 charset, not '${charset}'`,
      "Write `charset=UTF-8` exactly (upper case) or leave the charset out."
    );
  const variant = param("variant");
  if (type.toLowerCase() === "text/markdown" && variant !== void 0 && !MARKDOWN_VARIANTS.includes(variant))
    found.refuse(
      "description-content-type",
      `valid Markdown variants for 'description-content-type' are ['GFM', 'CommonMark'], not '${variant}'`,
      "Use variant=GFM or variant=CommonMark, spelled exactly so."
    );
}
function checkDynamic(values, found) {
  for (const raw of values) {
    const field = raw.toLowerCase();
    const fix = "List in Dynamic only core-metadata fields a build may fill in (not Name or Version).";
    if (NEVER_DYNAMIC.includes(field))
      found.refuse("dynamic", `'${field}' is not allowed as a dynamic field`, fix);
    else if (field === "dynamic")
      found.refuse("dynamic", `Dynamic field '${field}' is not a valid dynamic field.`, fix);
    else if (!DYNAMIC_FIELDS.includes(field))
      found.refuse("dynamic", `'${field}' is not a valid dynamic field`, fix);
  }
}
function checkRequirements(metadata, found) {
  const direct = "PyPI takes no dependency on a URL or path: depend on a released project by name (and publish the other project first).";
  for (const value of sentValues(metadata, "requires-dist")) {
    const parsed = parseRequirement(value);
    if (!parsed)
      found.refuse("requires-dist", `'${value}' is invalid for 'requires-dist'`, METADATA_FIX);
    else if (parsed.url)
      found.refuse("direct-dependency", `Can't have direct dependency: ${value}`, direct);
  }
  for (const field of ["provides-dist", "obsoletes-dist"])
    for (const value of sentValues(metadata, field)) {
      const parsed = parseRequirement(value);
      if (!parsed)
        found.refuse(field, `'${value}' is invalid: not a PEP 508 requirement`, METADATA_FIX);
      else if (parsed.url)
        found.refuse("direct-dependency", `Can't have direct dependency: '${value}'`, direct);
    }
}
function checkLicense(metadata, found) {
  const expression = sentValues(metadata, "license-expression")[0];
  if (expression !== void 0 && !isValidLicenseExpression(expression))
    found.refuse(
      "license-expression",
      `'${expression}' is invalid for 'license-expression'`,
      "Write an SPDX license expression (e.g. `MIT`, `Apache-2.0 OR MIT`; https://spdx.org/licenses/), or `LicenseRef-<name>` for a license not listed."
    );
  if (expression !== void 0 && sentValues(metadata, "license").length > 0)
    found.refuse(
      "license-and-expression",
      "License is deprecated when License-Expression is present. Only License-Expression should be present.",
      'Remove the old `license = { text = ... }` / License field: keep only `license = "<SPDX expression>"`.'
    );
  if (compareMetadataVersions(metadata.metadataVersion, "2.4") < 0) return;
  for (const path of sentValues(metadata, "license-file")) {
    const problem = licenseFilePathProblem(path);
    if (problem)
      found.refuse(
        "license-file-path",
        problem,
        "List license files by relative paths with `/` (pyproject.toml `license-files`)."
      );
  }
}
function checkImportNames(metadata, found) {
  for (const field of ["import-name", "import-namespace"])
    for (const value of sentValues(metadata, field)) {
      const [name = "", ...options2] = value.split(";").map((p) => p.trim());
      const invalid = `'${value}' is invalid for '${field}'`;
      const fix = `Write ${field} as a dotted Python name, optionally followed by \`; private\`.`;
      if (options2.length > 1 || options2.length === 1 && options2[0] !== "private") {
        found.refuse(field, `${invalid}; the only valid option is 'private'`, fix);
        continue;
      }
      for (const part of name.split(".")) {
        if (!/^[\p{ID_Start}_][\p{ID_Continue}]*$/u.test(part))
          found.refuse(field, `${invalid}; '${part}' is not a valid identifier`, fix);
        else if (PY_KEYWORDS.has(part))
          found.refuse(field, `${invalid}; '${part}' is a keyword`, fix);
      }
    }
}
function checkProjectUrls(values, found) {
  const labels = /* @__PURE__ */ new Set();
  const fix = 'Write each project URL as `Label = "https://..."` in [project.urls], labels up to 32 characters.';
  for (const value of values) {
    const comma = value.indexOf(",");
    const label = (comma === -1 ? value : value.slice(0, comma)).trim();
    const url = comma === -1 ? "" : value.slice(comma + 1).trim();
    if (labels.has(label)) found.refuse("project-url", "'project_urls' has invalid data", fix);
    labels.add(label);
    if (!label) found.refuse("project-url", "Must have a label", fix);
    else if ([...label].length > LABEL_MAX)
      found.refuse("project-url", `'${label}' must be ${LABEL_MAX} characters or less.`, fix);
    if (!url) found.refuse("project-url", "Must have a URL", fix);
    else if (!isHttpUrl(url)) found.refuse("project-url", `'${url}' is not a valid url`, fix);
  }
}
function checkControlCharacters(metadata, found) {
  for (const [field, values] of metadata.fields) {
    if (field === "description") continue;
    if (values.some((v) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(v)))
      found.warn(
        `${found.filename}: the ${field} field holds control characters; PyPI stores them as they are (NUL as \\x00) and shows them on the project page.`
      );
  }
}

// src/pypi/rules/description.ts
var HELP2 = "See https://pypi.org/help/#description-content-type for more information.";
var MARKDOWN_SIGNS = [
  [/^```/m, "a ``` code fence"],
  [/^#{1,6} \S/m, 'a "# heading"'],
  [/\[[^\]\n]+\]\([^)\s]+\)/, "a [text](link)"]
];
function checkDescription(metadata, found) {
  const text = metadata.fields.get("description")?.[0] ?? metadata.body;
  if (!text || !text.trim()) return;
  const declared = sentValues(metadata, "description-content-type")[0];
  const type = (declared ?? "text/x-rst").split(";")[0]?.trim().toLowerCase();
  if (type !== "text/x-rst") return;
  const message = declared ? `The description failed to render for '${declared}'. ${HELP2}` : `The description failed to render in the default format of reStructuredText. ${HELP2}`;
  const disabled = /^\.\. +(raw|include)::/m.exec(text)?.[1];
  if (disabled) {
    found.refuse(
      "description-rst",
      message,
      `PyPI switches off the reST "${disabled}" directive: remove it from the readme.`
    );
    return;
  }
  const markdown = declared ? void 0 : MARKDOWN_SIGNS.find(([pattern]) => pattern.test(text));
  if (markdown)
    found.warn(
      `${found.filename}: its description looks like Markdown (${markdown[1]}) but has no Description-Content-Type, so PyPI renders it as reStructuredText: it shows as plain text at best, and PyPI refuses the upload if docutils warns. Set \`readme = "README.md"\` (or \`content-type = "text/markdown"\`) in pyproject.toml.`
    );
  found.warn(
    `${found.filename}: PyPI renders its description as reStructuredText${declared ? "" : " (it has no Description-Content-Type)"} and refuses the upload on any docutils warning; the action cannot run docutils, so this is not checked. Check it with \`twine check --strict\`, or set the readme's content type to text/markdown.`
  );
}

// src/pypi/rules/content-rules.ts
var MIB = 1024 * 1024;
var PYPI_RATIO_MIN_BYTES = 64 * MIB;
var PYPI_MAX_COMPRESSION_RATIO = 50;
var PYPI_FILE_LIMIT_BYTES = 100 * MIB;
var PYPI_PROJECT_LIMIT_BYTES = 10 * 1024 * MIB;
var STORAGE_LIMITS_URL = "https://docs.pypi.org/project-management/storage-limits";
function commonTop(members) {
  const split = members.map((m) => m.replace(/\/+$/, "").split("/"));
  const first = split[0] ?? [];
  let depth = first.length;
  for (const parts of split)
    while (depth > 0 && parts.slice(0, depth).join("/") !== first.slice(0, depth).join("/"))
      depth -= 1;
  return first.slice(0, depth).join("/");
}
function checkContents(facts, found) {
  const { parsed, metadata, members } = facts;
  const names = new Set(members);
  if (compareMetadataVersions(metadata.metadataVersion, "2.4") >= 0) {
    const base = parsed.kind === "wheel" ? `${parsed.name}-${parsed.version}.dist-info/licenses` : commonTop(members);
    for (const path of sentValues(metadata, "license-file")) {
      const at = `${base}/${path}`;
      if (!names.has(at))
        found.refuse(
          "license-file",
          `License-File ${path} does not exist in distribution file ${parsed.filename} at ${at}`,
          parsed.kind === "wheel" ? `Metadata 2.4 wheels keep license files under .dist-info/licenses/: rebuild with a backend that supports PEP 639 (setuptools 77+, hatchling 1.27+).` : "List in license-files only files that are in the sdist (and include them in it)."
        );
    }
  }
  if (parsed.kind === "wheel" && facts.entryPoints && !entryPointsAccepted(facts.entryPoints))
    found.refuse(
      "entry-points",
      `Wheel '${parsed.filename}' has invalid entry points defined in the entry_points.txt file`,
      "Script names ([project.scripts], [project.gui-scripts]) may hold only letters, digits, _, . and -; entry_points.txt must be UTF-8 with no duplicate section or name."
    );
  const inflated = facts.uncompressedBytes ?? 0;
  if (inflated > PYPI_RATIO_MIN_BYTES && inflated / Math.max(facts.size, 1) > PYPI_MAX_COMPRESSION_RATIO)
    found.refuse(
      "compression-ratio",
      `Invalid distribution file. File exceeds compression ratio of ${PYPI_MAX_COMPRESSION_RATIO}`,
      `PyPI refuses a zip that inflates to more than 64 MiB and more than ${PYPI_MAX_COMPRESSION_RATIO} times its size: ship the large data compressed (or generate it at run time).`
    );
  if (facts.size > PYPI_FILE_LIMIT_BYTES)
    found.refuse(
      "file-size",
      `File too large. Limit for project '${metadata.name}' is 100 MB. See ${STORAGE_LIMITS_URL}#requesting-a-file-size-limit-increase for more information.`,
      `Ask PyPI for a larger file limit (${STORAGE_LIMITS_URL}#requesting-a-file-size-limit-increase), or make the file smaller. If PyPI already raised this project's limit, set \`index-rules: none\` for this release.`
    );
}
function entryPointsAccepted(bytes) {
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  const sections = /* @__PURE__ */ new Map();
  let current;
  let lastKeyIndent = -1;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const stripped = line.trim();
    const indent = line.length - line.trimStart().length;
    if (stripped === "" || /^[#;]/.test(stripped)) continue;
    if (current && lastKeyIndent >= 0 && indent > lastKeyIndent) continue;
    const header = /^\[([^\]]+)\]/.exec(line);
    if (header) {
      const name = header[1];
      if (sections.has(name)) return false;
      sections.set(name, current = /* @__PURE__ */ new Set());
      lastKeyIndent = -1;
      continue;
    }
    if (!current) return false;
    const eq = line.indexOf("=");
    if (eq === -1) return false;
    const key = line.slice(0, eq).trim();
    if (current.has(key)) return false;
    current.add(key);
    lastKeyIndent = indent;
  }
  const inherited = sections.get("DEFAULT") ?? /* @__PURE__ */ new Set();
  for (const section of ["console_scripts", "gui_scripts"]) {
    const keys = sections.get(section);
    if (!keys) continue;
    for (const key of [...keys, ...inherited])
      if (!/^[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}.-]+$/u.test(key)) return false;
  }
  return true;
}

// src/pypi/rules/facts.ts
var import_tar_stream = __toESM(require_tar_stream(), 1);
var import_yauzl = __toESM(require_yauzl(), 1);
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
var ENTRY_POINTS_MAX_BYTES = 1024 * 1024;
function unreadable(filename, error) {
  return new DistributionError(
    `${quote(filename)}: its contents could not be listed to check PyPI's rules (${error instanceof Error ? error.message : String(error)}).`,
    { subject: filename, hint: "Rebuild the file; if it is intact, report this as a bug." }
  );
}
async function readFacts(dist) {
  const { path, parsed, metadata } = dist;
  const size = (await stat(path)).size;
  try {
    if (parsed.filename.endsWith(".tar.gz"))
      return { parsed, metadata, size, members: await tarNames(path) };
    return {
      parsed,
      metadata,
      size,
      ...await zipContents(path, `${parsed.name}-${parsed.version}.dist-info/entry_points.txt`)
    };
  } catch (error) {
    if (error instanceof DistributionError) throw error;
    throw unreadable(parsed.filename, error);
  }
}
async function zipContents(path, entryPointsName) {
  const zip = await import_yauzl.default.openPromise(path, { lazyEntries: true, autoClose: false });
  zip.on("error", () => void 0);
  try {
    const members = [];
    let uncompressedBytes = 0;
    let entryPoints;
    for await (const entry of zip.eachEntry()) {
      members.push(entry.fileName);
      uncompressedBytes += entry.uncompressedSize;
      if (entry.fileName === entryPointsName && entry.uncompressedSize <= ENTRY_POINTS_MAX_BYTES) {
        const chunks = [];
        for await (const chunk of await zip.openReadStreamPromise(entry))
          chunks.push(chunk);
        entryPoints = Buffer.concat(chunks);
      } else if (entry.fileName === entryPointsName) {
        entryPoints = new Uint8Array([255]);
      }
    }
    return { members, uncompressedBytes, ...entryPoints ? { entryPoints } : {} };
  } finally {
    zip.close();
  }
}
async function tarNames(path) {
  const names = [];
  const tar = (0, import_tar_stream.extract)();
  tar.on("entry", (header, stream, next) => {
    names.push(header.name);
    stream.on("end", next);
    stream.resume();
  });
  await pipeline(createReadStream(path), createGunzip(), tar);
  return names;
}

// src/pypi/rules/platform-tags.ts
var FIXED = /* @__PURE__ */ new Set([
  "any",
  "win32",
  "win_amd64",
  "win_arm64",
  "win_ia64",
  "manylinux1_x86_64",
  "manylinux1_i686",
  "manylinux2010_x86_64",
  "manylinux2010_i686",
  ...["x86_64", "i686", "aarch64", "armv7l", "ppc64", "ppc64le", "s390x"].map(
    (arch) => `manylinux2014_${arch}`
  ),
  "linux_armv6l",
  "linux_armv7l"
]);
var MANYLINUX_ARCHES = [
  "x86_64",
  "i686",
  "aarch64",
  "armv7l",
  "ppc64le",
  "s390x",
  "riscv64",
  "ppc64"
];
var MUSLLINUX_ARCHES = MANYLINUX_ARCHES.filter((arch) => arch !== "ppc64");
var MACOS_ARCHES = [
  "ppc",
  "ppc64",
  "i386",
  "x86_64",
  "arm64",
  "intel",
  "fat",
  "fat3",
  "fat64",
  "universal",
  "universal2"
];
var MACOS_MAJORS = ["11", "12", "13", "14", "15", "26"];
var ANDROID_ARCHES = ["armeabi_v7a", "arm64_v8a", "x86", "x86_64"];
function isPypiPlatformTag(tag) {
  const t = tag.toLowerCase();
  if (FIXED.has(t)) return true;
  let m = /^manylinux_\d+_\d+_(.*)$/.exec(t);
  if (m) return MANYLINUX_ARCHES.includes(m[1]);
  m = /^musllinux_\d+_\d+_(.*)$/.exec(t);
  if (m) return MUSLLINUX_ARCHES.includes(m[1]);
  m = /^macosx_10_\d+_(.*)$/.exec(t);
  if (m) return MACOS_ARCHES.includes(m[1]);
  m = /^macosx_(\d+)_0_(.*)$/.exec(t);
  if (m) return MACOS_MAJORS.includes(m[1]) && MACOS_ARCHES.includes(m[2]);
  m = /^android_\d+_(.*)$/.exec(t);
  if (m) return ANDROID_ARCHES.includes(m[1]);
  if (/^ios_\d+_\d+_(arm64|x86_64)_(iphoneos|iphonesimulator)/.test(t)) return true;
  return /^pyemscripten_\d+_\d+_wasm32/.test(t);
}

// src/pypi/rules/filename-rules.ts
var REBUILD = "Rebuild with a current build backend instead of renaming the file.";
var MAX_WHEEL_NAME_BYTES = 246;
function checkFilename({ parsed, metadata }, found) {
  const { filename } = parsed;
  if (/[\u0000-\u001f\u007f]/.test(filename))
    found.refuse(
      "filename-characters",
      "Cannot upload a file with non-printable characters (ordinals 0-31) or the DEL character (ordinal 127) in the name.",
      REBUILD
    );
  if (/[/\\]/.test(filename))
    found.refuse(
      "filename-characters",
      "Cannot upload a file with '/' or '\\' in the name.",
      REBUILD
    );
  const version = canonicalVersion(metadata.version, filename);
  if (version.includes("+"))
    found.refuse(
      "local-version",
      `The use of local versions in '${version}' is not allowed.`,
      "Release a public version: no `+local` part (set the version without it, e.g. in pyproject.toml or your VCS versioning tool)."
    );
  const stem = parsed.project.replace(/-/g, "_");
  if (parsed.kind === "sdist") {
    const expected = `${stem}-${version}.tar.gz`;
    if (!filename.endsWith(".tar.gz") && !filename.endsWith(".zip"))
      found.refuse(
        "extension",
        `Invalid file extension: Extension ${filename.slice(filename.indexOf("."))} is invalid for filetype sdist.`,
        "Build the sdist as .tar.gz."
      );
    else if (filename !== expected)
      found.refuse(
        "sdist-filename",
        `Filename '${filename}' is invalid, should be '${expected}'.`,
        `PEP 625: build the sdist with a backend that writes ${expected} (setuptools 69.3+, hatchling, flit-core 3.9+, poetry-core 2+, maturin 1.5+).`
      );
    return;
  }
  if (parsed.name !== stem)
    found.refuse(
      "wheel-filename",
      `Filename '${filename}' should contain the normalized project name '${stem}', not '${parsed.name}'.`,
      `Rebuild with a current backend: wheel names start with the normalized name (${stem}).`
    );
  if (Buffer.byteLength(filename) > MAX_WHEEL_NAME_BYTES)
    found.refuse(
      "filename-length",
      `Filename is too long: '${filename}'`,
      `Keep wheel names to ${MAX_WHEEL_NAME_BYTES} bytes: PyPI stores '<wheel>.metadata' beside it (fewer compressed tags, a shorter build tag).`
    );
  for (const tag of parsed.platformTags)
    if (!isPypiPlatformTag(tag))
      found.refuse(
        "platform-tag",
        `Binary wheel '${filename}' has an unsupported platform tag '${tag}'.`,
        tag.toLowerCase().startsWith("linux_") ? "Repair the wheel with auditwheel (or build it with cibuildwheel) to get a manylinux/musllinux tag." : "Build for a platform PyPI lists (https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/)."
      );
}

// src/pypi/rules/types.ts
var Findings = class {
  refusals = [];
  warnings = [];
  filename;
  constructor(filename) {
    this.filename = filename;
  }
  refuse(rule, message, fix) {
    this.refusals.push({ rule, filename: this.filename, message, fix });
  }
  warn(message) {
    this.warnings.push(message);
  }
};

// src/pypi/rules/index.ts
var INDEX_NAMES = {
  pypi: "PyPI",
  testpypi: "TestPyPI",
  none: "the index"
};
var NO_VERDICT = { refusals: [], warnings: [] };
function checkForIndex(facts, target) {
  if (target === "none") return NO_VERDICT;
  const found = new Findings(facts.parsed.filename);
  checkFilename(facts, found);
  checkMetadata(facts.metadata, found);
  checkDescription(facts.metadata, found);
  checkContents(facts, found);
  return { refusals: found.refusals, warnings: found.warnings };
}
function checkSetForIndex(list, target, options2 = {}) {
  if (target === "none" || list.length === 0) return NO_VERDICT;
  const verdicts = list.map((facts) => checkForIndex(facts, target));
  const first = list[0];
  const release = new Findings(first.parsed.filename);
  const total = list.reduce((sum, f) => sum + f.size, 0);
  if (total > PYPI_PROJECT_LIMIT_BYTES)
    release.refuse(
      "project-size",
      `Project size too large. Limit for project '${first.metadata.name}' total size is 10 GB. See ${STORAGE_LIMITS_URL}#requesting-a-project-size-limit-increase`,
      `Ask PyPI for a larger project limit (${STORAGE_LIMITS_URL}#requesting-a-project-size-limit-increase), or delete old files. If PyPI already raised it, set \`index-rules: none\` for this release.`
    );
  checkProjectName(first.metadata.name, options2.newProject, release);
  return {
    refusals: [...verdicts.flatMap((v) => v.refusals), ...release.refusals],
    // Identical sentences (one per file) are said once.
    warnings: [.../* @__PURE__ */ new Set([...verdicts.flatMap((v) => v.warnings), ...release.warnings])]
  };
}
function refusalError(verdict, target, when) {
  const { refusals } = verdict;
  if (refusals.length === 0) return void 0;
  const index = INDEX_NAMES[target];
  const lines = refusals.map(
    (r) => `  ${r.filename}: ${index} answers "${r.message}"
    fix: ${r.fix}`
  );
  return new DistributionError(
    `${index} would refuse ${refusals.length === 1 ? "this file" : "these files"} (${refusals.length} problem(s)); ${when}:
${lines.join("\n")}`,
    {
      subject: refusals[0]?.filename,
      hint: `Fix the build and release again. For a private index with its own rules, set \`index-rules: none\`.`
    }
  );
}
async function applyIndexRules(list, target, warn, when, options2 = {}) {
  if (target === "none") return NO_VERDICT;
  const facts = await Promise.all(list.map(readFacts));
  const verdict = checkSetForIndex(facts, target, options2);
  for (const warning of verdict.warnings) warn(warning);
  const error = refusalError(verdict, target, when);
  if (error) throw error;
  return verdict;
}

export {
  isStdlibName,
  applyIndexRules
};
