// Package d declares strcspn again, //go:noescape.
package d

//go:noescape
//extern strcspn
func cStrcspn(s, reject *byte) uintptr

func Span(b, r *byte) int { return int(cStrcspn(b, r)) }
