// Package c declares C functions (//extern) and calls them from small
// functions, which gccgo exports with their bodies for inlining.
package c

//go:noescape
//extern strlen
func cStrlen(s *byte) uintptr

//extern strnlen
func cStrnlen(s *byte, n uintptr) uintptr

//extern strcspn
func cStrcspn(s, reject *byte) uintptr

// Len's C function is declared //go:noescape: b does not escape.
func Len(b *byte) int { return int(cStrlen(b)) }

// Len2's is not: gccgo lets b escape.
func Len2(b *byte) int { return int(cStrnlen(b, 8)) }

// Span's C function is declared again in package d, //go:noescape there.
func Span(b, r *byte) int { return int(cStrcspn(b, r)) }
