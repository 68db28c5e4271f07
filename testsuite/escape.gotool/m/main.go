package main

import (
	"fmt"

	"example.com/m/p"
	"example.com/m/q"
)

func main() {
	fmt.Println(p.New(1).Get(), q.Sum(3))
}
