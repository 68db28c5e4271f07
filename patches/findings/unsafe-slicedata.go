package main

import (
	"fmt"
	"reflect"
	"unsafe"
)

//go:noinline
func fromSliceData(s []int) unsafe.Pointer {
	return unsafe.Pointer((*reflect.SliceHeader)(unsafe.Pointer(&s)).Data)
}

//go:noinline
func keep() *int {
	a := make([]int, 4)
	a[0] = 42
	return (*int)(fromSliceData(a))
}

//go:noinline
func clobber() int {
	var b [64]int
	for i := range b {
		b[i] = -1
	}
	return b[3]
}

func main() {
	p := keep()
	clobber()
	fmt.Println(*p)
}
