/* For tests under Wine only, never shipped: Wine 8 (Debian 12) has no
 * bcryptprimitives.dll, which Windows 10 and 11 have and Rust's standard
 * library imports ProcessPrng from. This stub answers it with
 * RtlGenRandom (advapi32's SystemFunction036). */
#include <windows.h>
#define SystemFunction036 NTAPI SystemFunction036
#include <ntsecapi.h>
#undef SystemFunction036
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) { return RtlGenRandom(data, (ULONG)len); }
