// Operands that cannot hold a pointer carry nothing through an operation:
// the offset of pointer arithmetic, and values of signed integer types (Go's
// rules for unsafe.Pointer let only a uintptr hold an address).  A uintptr
// operand still carries one.
package p

import "unsafe"

type dataIO struct {
	p   []byte
	err bool
}

// d.p = d.p[n:] stores back only what was loaded from *d: a self-store.
func (d *dataIO) Read(n int) []byte { // PARAM: name=d leak_heap=null leak_result=1
	if len(d.p) < n {
		d.p = nil
		d.err = true
		return nil
	}
	p := d.p[0:n]
	d.p = d.p[n:]
	return p
}

type Buf struct{ arr *[8]byte }

// An int offset: still a self-store.
func (b *Buf) SkipInt(off int) { // PARAM: name=b leak_heap=null leak_result=null
	b.arr = (*[8]byte)(unsafe.Pointer(uintptr(unsafe.Pointer(b.arr)) + uintptr(off)))
}

// A uintptr offset may be an address: what it holds leaks, and so does
// what b holds, stored with it.
func (b *Buf) SkipUintptr(off uintptr) { // PARAM: name=b leak_heap=1 leak_result=null
	// PARAM@35: name=off leak_heap=0 leak_result=null
	b.arr = (*[8]byte)(unsafe.Pointer(uintptr(unsafe.Pointer(b.arr)) + off))
}
